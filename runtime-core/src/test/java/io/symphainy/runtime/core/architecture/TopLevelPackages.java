package io.symphainy.runtime.core.architecture;

import com.tngtech.archunit.core.domain.JavaClass;
import com.tngtech.archunit.library.dependencies.SliceAssignment;
import com.tngtech.archunit.library.dependencies.SliceIdentifier;
import java.util.function.Predicate;

/**
 * Slices a module into its top-level packages for the cycle rules of every module: each package right below the
 * module's root package is one slice with everything beneath it, and the classes of the root package itself (the
 * module's configuration) are one more. Packages the given filter leaves out belong to no slice.
 */
public final class TopLevelPackages implements SliceAssignment {

    private final String root;
    private final Predicate<String> included;

    private TopLevelPackages(String root, Predicate<String> included) {
        this.root = root;
        this.included = included;
    }

    /** Every package of the module under {@code root}. */
    public static TopLevelPackages of(String root) {
        return new TopLevelPackages(root, pkg -> true);
    }

    /** The packages of the module under {@code root} that {@code included} accepts. */
    public static TopLevelPackages of(String root, Predicate<String> included) {
        return new TopLevelPackages(root, included);
    }

    @Override
    public SliceIdentifier getIdentifierOf(JavaClass javaClass) {
        String pkg = javaClass.getPackageName();
        if (!(pkg.equals(root) || pkg.startsWith(root + ".")) || !included.test(pkg)) {
            return SliceIdentifier.ignore();
        }
        if (pkg.equals(root)) {
            return SliceIdentifier.of("(root package)");
        }
        String below = pkg.substring(root.length() + 1);
        int dot = below.indexOf('.');
        return SliceIdentifier.of(dot < 0 ? below : below.substring(0, dot));
    }

    @Override
    public String getDescription() {
        return "top-level packages of " + root;
    }
}

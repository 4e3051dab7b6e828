import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * Matches every resolved dependency of every module against the Maven advisories of an offline GitLab Advisory
 * Database and prints each advisory that affects the version in use. Exits 1 when a finding rated HIGH, CRITICAL or
 * unrated is not recorded in the suppression file, 2 on wrong arguments. Run through {@code config/advisory-check.sh}.
 */
public final class AdvisoryCheck {

    private record Finding(Dependency dependency, Set<String> usages, Advisory advisory, Optional<String> reason) {

        boolean fails() {
            return reason.isEmpty() && advisory.rating().isHighOrWorse();
        }
    }

    private AdvisoryCheck() {
    }

    /**
     * Arguments: the database (a checkout or a bare git repository), the OWASP suppression file, then one
     * {@code module=file} per module, each file written by {@code mvn dependency:list -DoutputFile=file}.
     */
    public static void main(String[] args) throws IOException {
        if (args.length < 3) {
            System.err.println("usage: AdvisoryCheck <database> <suppressions.xml> <module>=<dependency list>...");
            System.exit(2);
        }
        AdvisoryDatabase database = AdvisoryDatabase.open(Path.of(args[0]));
        Map<Dependency, Set<String>> usages = new LinkedHashMap<>();
        for (int i = 2; i < args.length; i++) {
            String[] moduleAndFile = args[i].split("=", 2);
            Dependency.readList(moduleAndFile[0], Path.of(moduleAndFile[1]), usages);
        }
        Set<String> packageNames = new LinkedHashSet<>();
        usages.keySet().forEach(dependency -> packageNames.add(dependency.packageName()));
        List<Advisory> advisories = database.advisoriesOf(packageNames);
        System.out.printf("Advisory database: %s (%s)%n", args[0], database.snapshot());
        System.out.printf("Checked %d dependencies (%d packages) against their %d advisories%n%n",
                usages.size(), packageNames.size(), advisories.size());

        List<Finding> findings = findings(usages, advisories, Suppressions.read(Path.of(args[1])));
        findings.forEach(AdvisoryCheck::print);
        long failing = findings.stream().filter(Finding::fails).count();
        long recorded = findings.stream().filter(f -> f.reason.isPresent()).count();
        System.out.printf("%d findings: %d failing (HIGH, CRITICAL or unrated, not recorded), %d recorded with a"
                + " reason, %d below HIGH and not recorded%n", findings.size(), failing, recorded,
                findings.size() - failing - recorded);
        System.exit(failing > 0 ? 1 : 0);
    }

    /** Every advisory that affects a dependency's version, failing ones first, then by falling score. */
    private static List<Finding> findings(Map<Dependency, Set<String>> usages, List<Advisory> advisories,
            Suppressions suppressions) {
        List<Finding> findings = new ArrayList<>();
        usages.forEach((dependency, usedBy) -> advisories.stream()
                .filter(advisory -> advisory.packageName().equals(dependency.packageName()))
                .filter(advisory -> advisory.affects(dependency.version()))
                .forEach(advisory -> findings.add(new Finding(dependency, usedBy, advisory,
                        suppressions.reasonFor(dependency, advisory)))));
        findings.sort(Comparator.comparing((Finding f) -> !f.fails())
                .thenComparing(f -> -f.advisory.rating().score())
                .thenComparing(f -> f.dependency.gav()));
        return findings;
    }

    private static void print(Finding finding) {
        Advisory advisory = finding.advisory;
        Dependency dependency = finding.dependency;
        String status = finding.fails() ? "FAIL" : finding.reason.isPresent() ? "RECORDED" : "NOTE";
        System.out.printf("%-8s %-8s %4.1f  %s %s%n", status, advisory.rating().severity(), advisory.rating().score(),
                advisory.ghsaId(), String.join(" ", advisory.aliases()));
        System.out.printf("         %s %s, fixed in %s; used by %s%n", dependency.packageName(), dependency.version(),
                advisory.fixedVersionsAfter(dependency.version()), String.join(", ", finding.usages));
        System.out.printf("         %s%n", advisory.title());
        finding.reason.ifPresent(reason -> System.out.printf("         recorded: %s%n", reason));
        System.out.println();
    }
}

package io.symphainy.runtime.core.common.messages;

import java.util.UUID;
import java.util.concurrent.ThreadLocalRandom;

/**
 * New identifiers in the order they are made: RFC 9562 UUID version 7, 48 bits of Unix milliseconds, then the
 * version, 12 random bits, the variant and 62 random bits.
 *
 * <p>What the runtime records in volume is keyed or indexed by such identifiers (every event, and the executions,
 * intents and sagas they belong to). A random UUID sends each new index entry to a random page of an index soon much
 * larger than PostgreSQL's shared buffers, which then writes out a dirty page for almost every row it inserts; an
 * identifier made now lands beside the ones made moments before, on pages still in memory. Identifiers made within
 * the same millisecond are in no particular order among themselves.
 */
public final class TimeOrderedIds {

    private static final long VERSION_7 = 0x7000L;
    private static final long RANDOM_A = 0x0FFFL;
    private static final long RANDOM_B = 0x3FFF_FFFF_FFFF_FFFFL;
    private static final long VARIANT = 0x8000_0000_0000_0000L;

    private TimeOrderedIds() {
    }

    /** A new identifier, after every identifier made in an earlier millisecond (of this machine's clock). */
    public static UUID next() {
        ThreadLocalRandom random = ThreadLocalRandom.current();
        long mostSignificant = (System.currentTimeMillis() << 16) | VERSION_7 | (random.nextLong() & RANDOM_A);
        long leastSignificant = VARIANT | (random.nextLong() & RANDOM_B);
        return new UUID(mostSignificant, leastSignificant);
    }

    /**
     * The identifier a name stands for, beside the identifier it belongs to: for a time-ordered {@code owner}, the
     * owner's millisecond, then 74 bits of the name's MD5 digest; for any other owner, the name-based UUID (version 3)
     * of the name alone. The same owner and name always give the same identifier.
     */
    public static UUID nameBased(UUID owner, byte[] name) {
        UUID digest = UUID.nameUUIDFromBytes(name);
        if (owner.version() != 7) {
            return digest;
        }
        long mostSignificant = (owner.getMostSignificantBits() & ~0xFFFFL) | VERSION_7
                | (digest.getMostSignificantBits() & RANDOM_A);
        long leastSignificant = VARIANT | (digest.getLeastSignificantBits() & RANDOM_B);
        return new UUID(mostSignificant, leastSignificant);
    }
}

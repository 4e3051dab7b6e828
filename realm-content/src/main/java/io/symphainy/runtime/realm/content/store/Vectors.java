package io.symphainy.runtime.realm.content.store;

import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.FloatBuffer;

/**
 * Embedding vectors as the content store keeps them: scaled to unit length and packed as little-endian float32,
 * so that the cosine similarity of a stored vector and a unit query is their dot product, read straight from the
 * stored bytes.
 */
public final class Vectors {

    private Vectors() {
    }

    /** The vector scaled to unit length (a zero vector stays zero). */
    public static float[] normalised(float[] vector) {
        double sum = 0;
        for (float value : vector) {
            sum += value * value;
        }
        float[] unit = vector.clone();
        if (sum > 0) {
            double norm = Math.sqrt(sum);
            for (int i = 0; i < unit.length; i++) {
                unit[i] = (float) (unit[i] / norm);
            }
        }
        return unit;
    }

    /** The dot product of a query vector and a stored one, without unpacking the stored bytes into an array. */
    public static double dot(float[] query, byte[] stored) {
        FloatBuffer floats = ByteBuffer.wrap(stored).order(ByteOrder.LITTLE_ENDIAN).asFloatBuffer();
        int length = Math.min(query.length, floats.remaining());
        double dot = 0;
        for (int i = 0; i < length; i++) {
            dot += query[i] * floats.get(i);
        }
        return dot;
    }

    static byte[] toBytes(float[] vector) {
        ByteBuffer buffer = ByteBuffer.allocate(vector.length * Float.BYTES).order(ByteOrder.LITTLE_ENDIAN);
        buffer.asFloatBuffer().put(vector);
        return buffer.array();
    }
}

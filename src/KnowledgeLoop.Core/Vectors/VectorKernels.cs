using System.Numerics.Tensors;
using System.Runtime.CompilerServices;
using System.Runtime.InteropServices;
using System.Runtime.Intrinsics;

namespace KnowledgeLoop.Core.Vectors;

/// <summary>
/// The dot product of the graph index's inner loop. For lengths that are a multiple of 64 it keeps four
/// independent 512-bit (or 256-bit) accumulators, which hides the latency of the fused multiply-adds; other
/// lengths go to <see cref="TensorPrimitives.Dot(ReadOnlySpan{float}, ReadOnlySpan{float})"/>.
/// </summary>
internal static class VectorKernels
{
    [MethodImpl(MethodImplOptions.AggressiveInlining | MethodImplOptions.AggressiveOptimization)]
    public static float Dot(ReadOnlySpan<float> x, ReadOnlySpan<float> y)
    {
        var n = x.Length;
        if (Vector512.IsHardwareAccelerated && (n & 63) == 0 && y.Length == n)
        {
            ref var a = ref MemoryMarshal.GetReference(x);
            ref var b = ref MemoryMarshal.GetReference(y);
            Vector512<float> s0 = default, s1 = default, s2 = default, s3 = default;
            for (nuint i = 0; i < (nuint)n; i += 64)
            {
                s0 = Vector512.FusedMultiplyAdd(Vector512.LoadUnsafe(ref a, i), Vector512.LoadUnsafe(ref b, i), s0);
                s1 = Vector512.FusedMultiplyAdd(Vector512.LoadUnsafe(ref a, i + 16), Vector512.LoadUnsafe(ref b, i + 16), s1);
                s2 = Vector512.FusedMultiplyAdd(Vector512.LoadUnsafe(ref a, i + 32), Vector512.LoadUnsafe(ref b, i + 32), s2);
                s3 = Vector512.FusedMultiplyAdd(Vector512.LoadUnsafe(ref a, i + 48), Vector512.LoadUnsafe(ref b, i + 48), s3);
            }

            return Vector512.Sum((s0 + s1) + (s2 + s3));
        }

        if (Vector256.IsHardwareAccelerated && (n & 31) == 0 && y.Length == n)
        {
            ref var a = ref MemoryMarshal.GetReference(x);
            ref var b = ref MemoryMarshal.GetReference(y);
            Vector256<float> s0 = default, s1 = default, s2 = default, s3 = default;
            for (nuint i = 0; i < (nuint)n; i += 32)
            {
                s0 = Vector256.FusedMultiplyAdd(Vector256.LoadUnsafe(ref a, i), Vector256.LoadUnsafe(ref b, i), s0);
                s1 = Vector256.FusedMultiplyAdd(Vector256.LoadUnsafe(ref a, i + 8), Vector256.LoadUnsafe(ref b, i + 8), s1);
                s2 = Vector256.FusedMultiplyAdd(Vector256.LoadUnsafe(ref a, i + 16), Vector256.LoadUnsafe(ref b, i + 16), s2);
                s3 = Vector256.FusedMultiplyAdd(Vector256.LoadUnsafe(ref a, i + 24), Vector256.LoadUnsafe(ref b, i + 24), s3);
            }

            return Vector256.Sum((s0 + s1) + (s2 + s3));
        }

        return TensorPrimitives.Dot(x, y);
    }
}

namespace KnowledgeLoop.Core.Gaps;

/// <summary>The chi-square distribution's upper tail, through the regularized incomplete gamma function Q(k/2, x/2).</summary>
public static class ChiSquareDistribution
{
    private const double Epsilon = 1e-15;
    private const double Tiny = 1e-300;
    private const int MaximumIterations = 10_000;

    private static readonly double[] Lanczos =
    [
        0.99999999999980993, 676.5203681218851, -1259.1392167224028, 771.32342877765313, -176.61502916214059,
        12.507343278686905, -0.13857109526572012, 9.9843695780195716e-6, 1.5056327351493116e-7,
    ];

    /// <summary>P(X ≥ chiSquare) for X ~ χ²(degreesOfFreedom): the p-value of a chi-square statistic.</summary>
    public static double SurvivalFunction(double chiSquare, int degreesOfFreedom)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(degreesOfFreedom, 1);
        if (double.IsNaN(chiSquare))
        {
            throw new ArgumentOutOfRangeException(nameof(chiSquare), chiSquare, "The statistic must be a number.");
        }

        return chiSquare <= 0 ? 1 : RegularizedUpperGamma(degreesOfFreedom / 2.0, chiSquare / 2.0);
    }

    /// <summary>Q(a, x) = Γ(a, x) ÷ Γ(a): the series of P for x &lt; a + 1, Lentz's continued fraction of Q beyond (Numerical Recipes §6.2).</summary>
    internal static double RegularizedUpperGamma(double a, double x)
    {
        if (double.IsPositiveInfinity(x))
        {
            return 0;
        }

        var logPrefactor = (a * Math.Log(x)) - x - LogGamma(a);
        if (x < a + 1)
        {
            var term = 1 / a;
            var sum = term;
            for (var n = 1; n < MaximumIterations; n++)
            {
                term *= x / (a + n);
                sum += term;
                if (Math.Abs(term) < Math.Abs(sum) * Epsilon)
                {
                    break;
                }
            }

            return Math.Clamp(1 - (sum * Math.Exp(logPrefactor)), 0, 1);
        }

        var b = x + 1 - a;
        var c = 1 / Tiny;
        var d = 1 / b;
        var h = d;
        for (var i = 1; i < MaximumIterations; i++)
        {
            var an = -i * (i - a);
            b += 2;
            d = (an * d) + b;
            d = Math.Abs(d) < Tiny ? Tiny : d;
            c = b + (an / c);
            c = Math.Abs(c) < Tiny ? Tiny : c;
            d = 1 / d;
            var delta = d * c;
            h *= delta;
            if (Math.Abs(delta - 1) < Epsilon)
            {
                break;
            }
        }

        return Math.Clamp(Math.Exp(logPrefactor) * h, 0, 1);
    }

    /// <summary>ln Γ(x) for x &gt; 0 by the Lanczos approximation (g = 7, 9 terms; about 15 significant digits).</summary>
    internal static double LogGamma(double x)
    {
        if (x < 0.5)
        {
            // Reflection: Γ(x)Γ(1 − x) = π / sin(πx).
            return Math.Log(Math.PI / Math.Abs(Math.Sin(Math.PI * x))) - LogGamma(1 - x);
        }

        x -= 1;
        var sum = Lanczos[0];
        for (var i = 1; i < Lanczos.Length; i++)
        {
            sum += Lanczos[i] / (x + i);
        }

        var t = x + 7.5;
        return (0.5 * Math.Log(2 * Math.PI)) + ((x + 0.5) * Math.Log(t)) - t + Math.Log(sum);
    }
}

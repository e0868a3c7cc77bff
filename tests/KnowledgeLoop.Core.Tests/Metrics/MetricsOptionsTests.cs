using KnowledgeLoop.Core.Metrics;

namespace KnowledgeLoop.Core.Tests.Metrics;

public class MetricsOptionsTests
{
    [Fact]
    public void Defaults_MatchTheDesign()
    {
        var options = new MetricsOptions();

        Assert.Equal(TimeSpan.FromDays(7), options.FcrWindow);
        Assert.Equal(TimeSpan.FromHours(72), options.DeflectionWindow);
        Assert.Equal(TimeSpan.FromDays(30), options.NiaWindow);
        Assert.Null(options.FcrBusinessDays);
        Assert.Null(options.AsOf);
        Assert.Equal(8, options.Segments.Count);
        Assert.Equal(30, options.DiagnosticMinimumSample);
        options.Validate();
    }

    public static TheoryData<Action<MetricsOptions>, string> Invalid => new()
    {
        { o => o.FcrWindow = TimeSpan.Zero, "FcrWindow" },
        { o => o.DeflectionWindow = TimeSpan.FromHours(-1), "DeflectionWindow" },
        { o => o.NiaWindow = TimeSpan.Zero, "NiaWindow" },
        { o => o.FcrBusinessDays = 0, "FcrBusinessDays" },
        { o => o.DiagnosticMinimumSample = 0, "DiagnosticMinimumSample" },
        { o => o.Segments = [(SegmentDimension)42], "Segments" },
    };

    [Theory]
    [MemberData(nameof(Invalid))]
    public void Validate_OutOfRange_ThrowsNamingTheSetting(Action<MetricsOptions> configure, string setting)
    {
        var options = new MetricsOptions();
        configure(options);

        var exception = Assert.Throws<ArgumentException>(options.Validate);
        Assert.Equal(setting, exception.ParamName);
        Assert.Contains("Metrics:" + setting, exception.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Compute_InvalidOptions_Throws()
    {
        Assert.Throws<ArgumentException>(() => MetricsEngine.Compute([], [], new MetricsOptions { NiaWindow = TimeSpan.Zero }));
    }
}

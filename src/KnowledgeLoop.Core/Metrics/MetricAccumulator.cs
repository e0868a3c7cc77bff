namespace KnowledgeLoop.Core.Metrics;

/// <summary>
/// Sums one population's tickets and sessions into a <see cref="MetricSet"/>. The simple rates
/// (DESIGN §3): reopen = resolved tickets with reopen_count ≥ 1 ÷ resolved; escalation = escalated
/// ÷ tickets; first-tier resolution = resolved and never escalated ÷ resolved; repeat contact =
/// follow-ups ÷ tickets; link rate = resolved with ≥ 1 linked article ÷ resolved. The median time to
/// resolution comes from <see cref="ResolutionMedians"/>.
/// </summary>
internal sealed class MetricAccumulator
{
    public long Tickets { get; private set; }
    public long Resolved { get; private set; }
    public long Reopened { get; private set; }
    public long Escalated { get; private set; }
    public long ResolvedFirstTier { get; private set; }
    public long FollowUps { get; private set; }
    public long Linked { get; private set; }
    public long FirstContacts { get; private set; }
    public long MatureFirstContacts { get; private set; }
    public long FcrSuccesses { get; private set; }
    public long Immature { get; private set; }
    public long NiaMature { get; private set; }
    public long NiaAvoided { get; private set; }
    public long BotHandled { get; private set; }
    public long BotAutonomous { get; private set; }
    public long SessionsMature { get; private set; }
    public long SessionsDeflected { get; private set; }

    public long Failures => MatureFirstContacts - FcrSuccesses;

    public void Add(in TicketFacts facts)
    {
        Tickets++;
        if (facts.Escalated)
        {
            Escalated++;
        }

        if (facts.IsFollowUp)
        {
            FollowUps++;
        }
        else
        {
            FirstContacts++;
        }

        if (facts.Resolved)
        {
            Resolved++;
            Reopened += facts.Reopened ? 1 : 0;
            ResolvedFirstTier += facts.Escalated ? 0 : 1;
            Linked += facts.Linked ? 1 : 0;
        }

        switch (facts.Fcr)
        {
            case FcrOutcome.Success:
                MatureFirstContacts++;
                FcrSuccesses++;
                break;
            case FcrOutcome.Failure:
                MatureFirstContacts++;
                break;
            case FcrOutcome.Immature:
                Immature++;
                break;
            default:
                break;
        }

        if (facts.Nia != TicketFacts.NotCounted)
        {
            NiaMature++;
            NiaAvoided += facts.Nia;
        }

        if (facts.Autonomous != TicketFacts.NotCounted)
        {
            BotHandled++;
            BotAutonomous += facts.Autonomous;
        }
    }

    public void AddSession(sbyte deflected)
    {
        if (deflected != TicketFacts.NotCounted)
        {
            SessionsMature++;
            SessionsDeflected += deflected;
        }
    }

    public MetricSet ToMetricSet(TimeSpan? medianTimeToResolution) => new()
    {
        Fcr = Rate.Of(FcrSuccesses, MatureFirstContacts),
        ReopenRate = Rate.Of(Reopened, Resolved),
        EscalationRate = Rate.Of(Escalated, Tickets),
        FirstTierResolutionRate = Rate.Of(ResolvedFirstTier, Resolved),
        RepeatContactRate = Rate.Of(FollowUps, Tickets),
        DeflectionRate = Rate.Of(SessionsDeflected, SessionsMature),
        NiaRate = Rate.Of(NiaAvoided, NiaMature),
        LinkRate = Rate.Of(Linked, Resolved),
        AutonomousResolutionRate = Rate.Of(BotAutonomous, BotHandled),
        MedianTimeToResolution = medianTimeToResolution,
    };
}

namespace KnowledgeLoop.Samples;

/// <summary>What actually came out for one topic (the ground truth reports realized counts, not only the plan).</summary>
internal sealed class TopicStats
{
    public long FirstContacts { get; private set; }

    public long Failures { get; private set; }

    public long Escalations { get; private set; }

    public long Linked { get; private set; }

    public long FollowedUp { get; private set; }

    public long FirstContactsLastMonth { get; private set; }

    public long FailuresLastMonth { get; private set; }

    public long FirstContactsAfterPublish { get; private set; }

    public long FailuresAfterPublish { get; private set; }

    public long Sessions { get; private set; }

    public long SessionsFollowedByTicket { get; private set; }

    public void CountFirstContact(bool lastMonth, bool afterPublish, bool failed, bool linked, bool escalated)
    {
        FirstContacts++;
        FirstContactsLastMonth += lastMonth ? 1 : 0;
        FirstContactsAfterPublish += afterPublish ? 1 : 0;
        Linked += linked ? 1 : 0;
        Escalations += escalated ? 1 : 0;
        if (failed)
        {
            CountFailure(lastMonth, afterPublish);
        }
    }

    /// <summary>A first contact that failed only because a follow-up came in.</summary>
    public void CountLateFailure(bool lastMonth, bool afterPublish)
    {
        FollowedUp++;
        CountFailure(lastMonth, afterPublish);
    }

    public void CountSession(bool followedByTicket)
    {
        Sessions++;
        SessionsFollowedByTicket += followedByTicket ? 1 : 0;
    }

    private void CountFailure(bool lastMonth, bool afterPublish)
    {
        Failures++;
        FailuresLastMonth += lastMonth ? 1 : 0;
        FailuresAfterPublish += afterPublish ? 1 : 0;
    }
}

namespace KnowledgeLoop.Core.Tickets;

/// <summary>Who resolved a ticket: a human agent, a bot, or the customer through self-service.</summary>
public enum ResolvedBy
{
    /// <summary>A human agent.</summary>
    Agent,

    /// <summary>A bot or AI agent.</summary>
    Bot,

    /// <summary>The customer, through self-service.</summary>
    SelfService,
}

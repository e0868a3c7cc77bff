using System.Globalization;
using System.Text;

namespace KnowledgeLoop.Samples;

/// <summary>
/// Writes what customers and agents write: greetings, the problem in the topic's words, details, what they
/// tried, signatures with fake contact data, quoted replies, chat transcripts, call notes, and typos.
/// </summary>
internal sealed class TicketText
{
    private static readonly string[] Greetings = ["Hi,", "Hello,", "Hi there,", "Hello team,", "Dear Support,", "Good morning,", "Hey Ledgerly support,", "Hi support team,", "Hello Ledgerly,"];
    private static readonly string[] Asks = ["Can you please look into this?", "Any help appreciated.", "Please advise.", "This is urgent, we close the month on Friday.", "What should I do?", "Could someone call me back?", "Thanks in advance for your help.", "Is this a known issue?"];
    private static readonly string[] SignOffs = ["Thanks,", "Thank you,", "Best,", "Regards,", "Kind regards,", "Cheers,", "Many thanks,"];
    private static readonly string[] FollowUpOpeners = ["The problem is back.", "Your suggestion didn't work, unfortunately.", "This is happening again.", "I tried what you said but it's still not fixed.", "Same issue as last time.", "Reopening this in a new ticket since the old one was closed."];
    private static readonly string[] ChatOpeners = ["hi", "hello", "hi, quick question", "hey", "hello? anyone there"];
    private static readonly string[] Weekdays = ["Mon", "Tue", "Wed", "Thu", "Fri", "Sat", "Sun"];
    private static readonly string[] Months = ["Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec"];

    private readonly Population _population;
    private readonly StringBuilder _builder = new(1024);

    public TicketText(Population population) => _population = population;

    public static string Subject(CompiledTopic topic, Prng rng, FollowUpPlan? followUp)
    {
        if (followUp is not null && rng.Chance(0.6))
        {
            return (rng.Chance(0.8) ? "Re: " : "RE: ") + followUp.ParentSubject;
        }

        var subject = rng.Pick(topic.Subjects).Expand(rng);
        var casing = rng.NextDouble();
        return casing < 0.1 ? subject.ToLowerInvariant() : casing < 0.12 ? subject.ToUpperInvariant() : subject;
    }

    public string Description(CompiledTopic topic, int contactIndex, string channel, Prng rng, FollowUpPlan? followUp)
    {
        var contact = _population.Contacts[contactIndex];
        var company = _population.Companies[contact.Company];
        var b = _builder.Clear();
        switch (channel)
        {
            case "chat":
                b.Append("Chat started from ").Append(rng.Chance(0.6) ? "the in-app widget" : "ledgerly.example.com/help").Append('\n');
                b.Append(contact.FirstName).Append(": ").Append(rng.Pick(ChatOpeners)).Append('\n');
                b.Append(contact.FirstName).Append(": ");
                if (followUp is not null)
                {
                    b.Append("this is about ticket #").Append(followUp.ParentId).Append(' ');
                }

                rng.Pick(topic.Problems).Expand(b, rng);
                if (rng.Chance(0.6))
                {
                    b.Append('\n').Append(contact.FirstName).Append(": ");
                    rng.Pick(topic.Details).Expand(b, rng);
                }

                break;
            case "phone":
                b.Append(rng.Chance(0.5) ? "Inbound call. " : "Call notes: ").Append(contact.FirstName).Append(" from ").Append(company.Name).Append(" called. ");
                if (followUp is not null)
                {
                    b.Append("Calling back about #").Append(followUp.ParentId).Append(", not fixed. ");
                }

                b.Append("Says: ");
                rng.Pick(topic.Problems).Expand(b, rng);
                if (rng.Chance(0.5))
                {
                    b.Append(' ');
                    rng.Pick(topic.Details).Expand(b, rng);
                }

                b.Append(rng.Chance(0.5) ? " Callback number " + _population.Phone(contact) + "." : string.Empty);
                break;
            default:
                EmailBody(topic, contact, company, rng, followUp);
                break;
        }

        if (rng.Chance(0.18))
        {
            AddTypos(b, rng, 1 + rng.Next(3));
        }

        var text = b.ToString();
        return rng.Chance(0.05) ? text.ToLowerInvariant() : text;
    }

    public string Resolution(TicketRow row, Prng rng, IReadOnlyDictionary<string, ArticleSpec> articles)
    {
        if (row.ResolvedAt is null)
        {
            return string.Empty;
        }

        var b = _builder.Clear();
        var firstLinked = row.LinkedArticleIds.Length == 0 ? null : row.LinkedArticleIds.Split(';')[0];
        if (row.ResolvedBy == "bot")
        {
            b.Append("Answered by ").Append(Population.BotName);
            if (firstLinked is not null)
            {
                b.Append(": suggested \"").Append(articles[firstLinked].Title).Append("\" (").Append(firstLinked).Append(')');
            }

            return b.Append(". Customer confirmed it helped.").ToString();
        }

        if (row.Escalated)
        {
            b.Append("Escalated to ").Append(row.Group).Append(". ");
        }

        if (row.ReopenCount > 0)
        {
            b.Append("Reopened by customer").Append(row.ReopenCount > 1 ? " twice" : string.Empty).Append(". ");
        }

        rng.Pick(row.Topic.Resolutions).Expand(b, rng);
        if (firstLinked is not null && rng.Chance(0.6))
        {
            b.Append(" Sent ").Append(firstLinked).Append('.');
        }

        return b.ToString();
    }

    public string Query(CompiledTopic topic, Prng rng)
    {
        var b = _builder.Clear();
        rng.Pick(topic.Queries).Expand(b, rng);
        if (rng.Chance(0.1))
        {
            AddTypos(b, rng, 1);
        }

        var query = b.ToString();
        return rng.Chance(0.8) ? query.ToLowerInvariant() : query;
    }

    private void EmailBody(CompiledTopic topic, Population.Contact contact, Population.Company company, Prng rng, FollowUpPlan? followUp)
    {
        var b = _builder;
        if (rng.Chance(0.7))
        {
            b.Append(rng.Pick(Greetings)).Append("\n\n");
        }

        if (followUp is not null)
        {
            b.Append("Following up on ticket #").Append(followUp.ParentId).Append(". ").Append(rng.Pick(FollowUpOpeners)).Append(' ');
        }

        rng.Pick(topic.Problems).Expand(b, rng);
        if (rng.Chance(0.65))
        {
            b.Append(' ');
            rng.Pick(topic.Details).Expand(b, rng);
        }

        if (rng.Chance(0.25))
        {
            b.Append(' ');
            rng.Pick(topic.Details).Expand(b, rng);
        }

        if (topic.Tried.Length > 0 && rng.Chance(0.35))
        {
            b.Append(rng.Chance(0.5) ? "\n\n" : " ");
            rng.Pick(topic.Tried).Expand(b, rng);
        }

        if (rng.Chance(0.55))
        {
            b.Append("\n\n").Append(rng.Pick(Asks));
        }

        var signature = rng.NextDouble();
        if (signature < 0.35)
        {
            b.Append("\n\n").Append(rng.Pick(SignOffs)).Append('\n').Append(contact.FirstName);
        }
        else if (signature < 0.65)
        {
            b.Append("\n\n").Append(rng.Pick(SignOffs)).Append('\n')
                .Append(contact.FirstName).Append(' ').Append(contact.LastName).Append('\n')
                .Append(contact.Role).Append(" | ").Append(company.Name).Append('\n')
                .Append(_population.Email(contact)).Append(rng.Chance(0.6) ? "\n" + _population.Phone(contact) : string.Empty);
        }
        else if (signature < 0.7)
        {
            b.Append("\n\nSent from my iPhone");
        }

        if (followUp is not null && rng.Chance(0.8))
        {
            QuoteReply(followUp, contact, rng);
        }
    }

    private void QuoteReply(FollowUpPlan followUp, Population.Contact contact, Prng rng)
    {
        var b = _builder;
        var when = followUp.ParentResolvedAt;
        b.Append("\n\nOn ").Append(Weekdays[((int)when.DayOfWeek + 6) % 7]).Append(", ")
            .Append(when.Day.ToString(CultureInfo.InvariantCulture)).Append(' ').Append(Months[when.Month - 1]).Append(' ')
            .Append(when.Year.ToString(CultureInfo.InvariantCulture)).Append(" at ")
            .Append(when.ToString("HH:mm", CultureInfo.InvariantCulture)).Append(", ")
            .Append(followUp.ParentAgent.Length > 0 ? followUp.ParentAgent : Population.BotName)
            .Append(" via Ledgerly Support <support@ledgerly.example.com> wrote:\n")
            .Append("> Hi ").Append(contact.FirstName).Append(",\n>\n> Thanks for reaching out. ")
            .Append(followUp.ParentResolution).Append("\n>\n> Let us know if there is anything else.\n> Best regards,\n> ")
            .Append(followUp.ParentAgent.Length > 0 ? followUp.ParentAgent.Split(' ')[0] : "Ledgerly Support");
        if (rng.Chance(0.3))
        {
            b.Append("\n> Ledgerly Support | support@ledgerly.example.com | +1 800-555-0199");
        }
    }

    private static void AddTypos(StringBuilder b, Prng rng, int count)
    {
        for (var i = 0; i < count && b.Length > 4; i++)
        {
            for (var attempt = 0; attempt < 8; attempt++)
            {
                var at = rng.Next(1, b.Length - 2);
                if (char.IsAsciiLetterLower(b[at]) && char.IsAsciiLetterLower(b[at + 1]) && b[at] != b[at + 1])
                {
                    if (rng.Chance(0.7))
                    {
                        (b[at], b[at + 1]) = (b[at + 1], b[at]);
                    }
                    else
                    {
                        b.Remove(at, 1);
                    }

                    break;
                }
            }
        }
    }
}

using System.Globalization;

namespace KnowledgeLoop.Samples;

/// <summary>
/// Generates the data set of Ledgerly, a fictional invoicing SaaS: tickets, self-service sessions, Markdown
/// articles and the ground truth of the planted gaps. Streams day by day, so memory stays bounded whatever the
/// ticket count; same options and seed give byte-identical files.
/// </summary>
public sealed class SampleDataGenerator
{
    /// <summary>Days before the end of the period when the emerging topic starts to surge.</summary>
    internal const int EmergingWindowDays = 30;

    /// <summary>Share of first contacts that searched the help center (and failed) before opening the ticket.</summary>
    private const double SessionBeforeTicketShare = 0.3;

    private static readonly string[] Channels = ["email", "web", "chat", "phone"];
    private static readonly double[] ChannelCumulative = [0.42, 0.67, 0.89, 1.0];
    private static readonly double[] WeekdayFactor = [0.25, 1.15, 1.1, 1.05, 1.0, 0.9, 0.3]; // Sunday first, like DayOfWeek.

    private readonly SampleDataOptions _options;

    /// <summary>A generator for the given options (validated here).</summary>
    public SampleDataGenerator(SampleDataOptions options)
    {
        options.Validate();
        _options = options;
    }

    /// <summary>A generator for the demo set's defaults.</summary>
    public SampleDataGenerator()
        : this(new SampleDataOptions())
    {
    }

    /// <summary>Writes the data set into <paramref name="outDir"/>, reporting tickets written so far.</summary>
    public SampleDataResult Generate(string outDir, IProgress<long>? progress = null, CancellationToken ct = default)
    {
        Directory.CreateDirectory(outDir);
        var run = new GeneratorRun(_options, outDir, progress, ct);
        return run.Execute();
    }

    /// <summary>The state of one run; everything random comes from one seeded stream, in a fixed order.</summary>
    private sealed class GeneratorRun
    {
        private readonly SampleDataOptions _options;
        private readonly string _outDir;
        private readonly IProgress<long>? _progress;
        private readonly CancellationToken _ct;
        private readonly Prng _rng;
        private readonly Population _population;
        private readonly TicketText _text;
        private readonly CompiledTopic[] _topics;
        private readonly Dictionary<string, ArticleSpec> _articles;
        private readonly TopicStats[] _stats;
        private readonly DateTime _start;
        private readonly DateTime _end;
        private readonly int _days;
        private readonly DateTime _publishedAt;
        private readonly Dictionary<int, List<FollowUpPlan>> _followUps = [];
        private readonly List<SessionRow> _sessionBuffer = [];
        private long _ticketSequence;
        private long _sessionSequence;
        private long _ticketsWritten;
        private long _followUpsWritten;
        private long _sessionsWritten;
        private long _pendingFollowUps;
        private long _firstContacts;
        private long _followUpsScheduled;

        public GeneratorRun(SampleDataOptions options, string outDir, IProgress<long>? progress, CancellationToken ct)
        {
            _options = options;
            _outDir = outDir;
            _progress = progress;
            _ct = ct;
            _rng = new Prng((ulong)(uint)options.Seed * 0x9E3779B97F4A7C15UL + 0x5EED);
            _start = options.Start.ToDateTime(TimeOnly.MinValue, DateTimeKind.Utc);
            _end = options.End.ToDateTime(TimeOnly.MinValue, DateTimeKind.Utc);
            _days = options.End.DayNumber - options.Start.DayNumber;

            // The mid-period article goes live about three quarters through (late August for the defaults).
            _publishedAt = _start.AddDays(Math.Floor(_days * 0.76)).AddHours(9);
            var specs = TopicCatalog.Build();
            _topics = [.. specs.Select((s, i) => new CompiledTopic(i, s, s.Role == TopicRole.PublishedMidPeriod ? _publishedAt : null))];
            _articles = specs.SelectMany(s => s.Articles).Concat(GeneralArticles.Build()).ToDictionary(a => a.Id);
            _stats = [.. _topics.Select(_ => new TopicStats())];
            _population = new Population(options.EffectiveCustomers, _rng);
            _text = new TicketText(_population);
        }

        public SampleDataResult Execute()
        {
            var ticketsPath = Path.Combine(_outDir, "tickets.csv");
            var sessionsPath = Path.Combine(_outDir, "sessions.csv");
            var ticketTopicsPath = Path.Combine(_outDir, "ticket_topics.csv");
            var sessionTopicsPath = Path.Combine(_outDir, "session_topics.csv");
            var articlesDir = Path.Combine(_outDir, "articles");

            var articleCount = ArticleWriter.Write(articlesDir, [.. _articles.Values.OrderBy(a => a.Id, StringComparer.Ordinal)], _publishedAt);
            using (var tickets = new CsvOut(ticketsPath, "id", "created_at", "resolved_at", "status", "customer_id", "channel", "category", "product", "priority", "group", "agent", "subject", "description", "resolution", "reopen_count", "escalated", "linked_article_ids", "csat", "resolved_by"))
            using (var ticketTopics = new CsvOut(ticketTopicsPath, "ticket_id", "topic", "is_follow_up", "parent_ticket_id"))
            using (var sessions = new CsvOut(sessionsPath, "id", "customer_id", "started_at", "query", "viewed_article_ids", "channel"))
            using (var sessionTopics = new CsvOut(sessionTopicsPath, "session_id", "topic", "followed_by_ticket_id"))
            {
                var dayWeights = new double[_days];
                var topicWeights = new double[_days][];
                for (var d = 0; d < _days; d++)
                {
                    topicWeights[d] = TopicWeights(d);
                    var date = _start.AddDays(d);
                    dayWeights[d] = WeekdayFactor[(int)date.DayOfWeek] * (1 + (0.15 * d / _days)) * topicWeights[d][^1];
                }

                var remainingWeight = dayWeights.Sum();
                var carry = 0.0;
                for (var d = 0; d < _days; d++)
                {
                    _ct.ThrowIfCancellationRequested();
                    var due = _followUps.Remove(d, out var list) ? list : [];
                    _pendingFollowUps -= due.Count;
                    var budget = _options.Tickets - _ticketsWritten - due.Count - _pendingFollowUps;
                    int firstToday;
                    if (d == _days - 1)
                    {
                        firstToday = (int)Math.Max(0, budget);
                    }
                    else
                    {
                        var followUpRate = (_followUpsScheduled + 5.0) / (_firstContacts + 50.0) * Math.Clamp((_days - d - 1) / 7.0, 0, 1);
                        var expected = (Math.Max(0, budget) * dayWeights[d] / remainingWeight / (1 + followUpRate)) + carry;
                        firstToday = (int)Math.Floor(expected);
                        carry = expected - firstToday;
                    }

                    remainingWeight -= dayWeights[d];
                    var day = BuildDay(d, firstToday, topicWeights[d], due);
                    WriteDay(day, tickets, ticketTopics);
                    FlushSessions(_start.AddDays(d - 3), sessions, sessionTopics);
                    _progress?.Report(_ticketsWritten);
                }

                FlushSessions(DateTime.MaxValue, sessions, sessionTopics);
            }

            var result = new SampleDataResult
            {
                Tickets = _ticketsWritten,
                FollowUps = _followUpsWritten,
                Sessions = _sessionsWritten,
                Articles = articleCount,
                Customers = _population.Contacts.Length,
                Start = _options.Start,
                End = _options.End,
                OutputDirectory = _outDir,
                TicketsPath = ticketsPath,
                SessionsPath = sessionsPath,
                ArticlesDirectory = articlesDir,
                TicketTopicsPath = ticketTopicsPath,
                SessionTopicsPath = sessionTopicsPath,
                GroundTruthPath = Path.Combine(_outDir, "ground_truth.json"),
            };
            GroundTruthWriter.Write(result, _options, _topics, _stats, _publishedAt, _start, _end);
            return result;
        }

        /// <summary>Cumulative topic weights for day <paramref name="d"/>: base weight, month-end peak, emerging surge.</summary>
        private double[] TopicWeights(int d)
        {
            var date = _start.AddDays(d);
            var monthEnd = date.Day >= 27 || date.Day <= 3;
            var cumulative = new double[_topics.Length];
            var total = 0.0;
            foreach (var topic in _topics)
            {
                var weight = topic.Spec.Weight;
                if (topic.Spec.Role == TopicRole.Emerging)
                {
                    var surgeStart = _days - EmergingWindowDays;
                    weight *= d < surgeStart ? 0.06 : 1.5 + (7.5 * (d - surgeStart) / EmergingWindowDays);
                }

                if (monthEnd && topic.Spec.Category is "invoicing" or "payments" or "bank_feeds" or "reports")
                {
                    weight *= 1.3;
                }

                total += weight;
                cumulative[topic.Index] = total;
            }

            return cumulative;
        }

        private List<TicketRow> BuildDay(int d, int firstToday, double[] topicWeights, List<FollowUpPlan> due)
        {
            var dayStart = _start.AddDays(d);
            var rows = new List<TicketRow>(firstToday + due.Count);
            for (var i = 0; i < firstToday; i++)
            {
                var topic = _topics[_rng.PickCumulative(topicWeights)];
                var created = dayStart.AddSeconds(TimeOfDaySeconds());
                var row = NewTicket(topic, created, _population.PickContact(_rng), PickChannel(), null);
                rows.Add(row);
                _firstContacts++;
                if (_rng.Chance(SessionBeforeTicketShare))
                {
                    AddSession(topic, created.AddMinutes(-_rng.Uniform(20, 60 * 60)), row.Contact, row);
                }
            }

            foreach (var plan in due)
            {
                var channel = _rng.Chance(0.6) ? plan.ParentChannel : PickChannel();
                rows.Add(NewTicket(plan.Topic, plan.CreatedAt, plan.Contact, channel, plan));
            }

            // Deflected sessions: searches that answered the question, in proportion to the topic's volume today.
            var total = topicWeights[^1];
            foreach (var topic in _topics)
            {
                var share = (topicWeights[topic.Index] - (topic.Index == 0 ? 0 : topicWeights[topic.Index - 1])) / total;
                var deflection = topic.DeflectionAt(dayStart.AddHours(12));
                var mean = firstToday * share * SessionBeforeTicketShare * deflection / (1 - deflection);
                var count = _rng.Poisson(mean);
                for (var i = 0; i < count; i++)
                {
                    // Any customer, not activity-weighted: people who find their answer are mostly not the busy repeat callers.
                    AddSession(topic, dayStart.AddSeconds(TimeOfDaySeconds()), _rng.Next(_population.Contacts.Length), null);
                }
            }

            rows.Sort(static (a, b) => a.CreatedAt != b.CreatedAt ? a.CreatedAt.CompareTo(b.CreatedAt) : a.Sequence.CompareTo(b.Sequence));
            return rows;
        }

        private TicketRow NewTicket(CompiledTopic topic, DateTime created, int contact, string channel, FollowUpPlan? followUp)
        {
            var spec = topic.Spec;
            var row = new TicketRow
            {
                Sequence = _ticketSequence++,
                CreatedAt = created,
                Contact = contact,
                Channel = channel,
                Topic = topic,
                ParentId = followUp?.ParentId,
            };

            var urgent = _rng.Chance(spec.UrgentShare);
            row.Priority = urgent ? (_rng.Chance(0.75) ? "high" : "urgent") : (_rng.Chance(0.75) ? "normal" : "low");

            // Outcome: does the first answer fail, and how?
            var failureRate = topic.FailureRateAt(created) * (channel is "chat" or "phone" ? 0.9 : 1.0);
            var bot = followUp is null && spec.BotEligible && channel is "chat" or "web" && _rng.Chance(0.35);
            if (bot)
            {
                failureRate *= 1.3;
            }

            // Links are chosen before the outcome: for the findability topic the article does answer, so the few
            // tickets whose agent found and linked it mostly resolve (what the analysis must notice).
            var links = PickLinks(topic, created, bot);
            if (spec.Role == TopicRole.Findability && topic.ArticleIds.Length > 0 && links.Contains(topic.ArticleIds[0], StringComparison.Ordinal))
            {
                failureRate *= 0.25;
            }

            bool reopen = false, escalate = false, followUpPlanned = false;
            if (_rng.Chance(failureRate))
            {
                PickMode(spec, ref reopen, ref escalate, ref followUpPlanned);
                if (_rng.Chance(0.15))
                {
                    PickMode(spec, ref reopen, ref escalate, ref followUpPlanned);
                }
            }

            if (bot && escalate)
            {
                bot = false;
            }

            if (followUp is not null)
            {
                followUpPlanned = false; // No chains: a follow-up does not spawn another one.
            }

            row.Escalated = escalate;
            row.ReopenCount = reopen ? (_rng.Chance(0.2) ? 2 : 1) : 0;
            var hours = channel is "chat" or "phone" ? _rng.LogNormal(0.5, 1.0) : _rng.LogNormal(9, 1.1);
            if (bot)
            {
                hours = _rng.LogNormal(0.1, 0.6);
            }

            if (escalate)
            {
                hours += _rng.LogNormal(40, 0.8);
            }

            hours += row.ReopenCount * _rng.LogNormal(30, 0.8);
            var resolved = created.AddSeconds(Math.Round(hours * 3600));
            var stuck = _rng.Chance(escalate ? 0.04 : 0.012);
            if (resolved < _end && !stuck)
            {
                row.ResolvedAt = resolved;
                row.Status = resolved >= _end.AddDays(-4) ? "solved" : "closed";
                row.ResolvedBy = bot ? "bot" : "agent";
                row.PlansFollowUp = followUpPlanned;
            }
            else
            {
                row.Status = escalate ? "on-hold" : _rng.Pick(OpenStatuses);
            }

            row.Group = escalate ? spec.EscalationGroup : spec.Group;
            row.Agent = bot ? string.Empty : _rng.Pick(Population.Agents[row.Group]);
            row.LinkedArticleIds = links;
            if (row.ResolvedAt is not null && _rng.Chance(0.4))
            {
                var failed = reopen || escalate || followUpPlanned;
                row.Csat = 1 + _rng.PickCumulative(failed ? UnhappyCsat : HappyCsat);
            }

            row.Subject = TicketText.Subject(topic, _rng, followUp);
            row.Description = _text.Description(topic, contact, channel, _rng, followUp);
            row.Resolution = _text.Resolution(row, _rng, _articles);

            var stats = _stats[topic.Index];
            var lastMonth = created >= _end.AddDays(-EmergingWindowDays);
            var afterPublish = created >= _publishedAt;
            if (followUp is null)
            {
                stats.CountFirstContact(lastMonth, afterPublish, row.FailedWithoutFollowUp, row.LinkedArticleIds.Length > 0, escalate);
            }
            else
            {
                _followUpsWritten++;
                if (!followUp.ParentAlreadyFailed)
                {
                    stats.CountLateFailure(followUp.ParentCreatedAt >= _end.AddDays(-EmergingWindowDays), followUp.ParentCreatedAt >= _publishedAt);
                }
            }

            return row;
        }

        private void PickMode(TopicSpec spec, ref bool reopen, ref bool escalate, ref bool followUp)
        {
            var (r, e, f) = spec.Modes;
            var x = _rng.NextDouble() * (r + e + f);
            if (x < r)
            {
                reopen = true;
            }
            else if (x < r + e)
            {
                escalate = true;
            }
            else
            {
                followUp = true;
            }
        }

        private string PickLinks(CompiledTopic topic, DateTime created, bool bot)
        {
            var spec = topic.Spec;
            if (topic.HasArticleAt(created))
            {
                if (_rng.Chance(bot ? 0.9 : spec.LinkRate))
                {
                    if (topic.ArticleIds.Length > 1)
                    {
                        return _rng.Chance(0.12) ? string.Join(';', topic.ArticleIds) : _rng.Pick(topic.ArticleIds);
                    }

                    return topic.ArticleIds[0];
                }
            }
            else if (spec.NearMissArticleIds.Count > 0 && _rng.Chance(0.1))
            {
                return _rng.Pick(spec.NearMissArticleIds);
            }

            return _rng.Chance(0.02) ? _rng.Pick(GeneralIds) : string.Empty;
        }

        private void AddSession(CompiledTopic topic, DateTime started, int contact, TicketRow? followedBy)
        {
            if (started < _start)
            {
                return;
            }

            _sessionBuffer.Add(new SessionRow
            {
                Sequence = _sessionSequence++,
                StartedAt = started,
                Contact = contact,
                Topic = topic,
                Query = _text.Query(topic, _rng),
                ViewedArticleIds = PickViewed(topic, started),
                Channel = _rng.Chance(0.7) ? "help_center" : "bot",
                FollowedBy = followedBy,
            });
            _stats[topic.Index].CountSession(followedBy is not null);
        }

        private string PickViewed(CompiledTopic topic, DateTime started)
        {
            var spec = topic.Spec;
            string? viewed = null;
            if (spec.Role == TopicRole.Findability)
            {
                var x = _rng.NextDouble();
                viewed = x < 0.12 ? topic.ArticleIds[0] : x < 0.55 ? _rng.Pick(FindabilityDetours) : null;
            }
            else if (topic.HasArticleAt(started))
            {
                if (_rng.Chance(0.85))
                {
                    viewed = topic.ArticleIds.Length > 1 && _rng.Chance(0.3) ? string.Join(';', topic.ArticleIds) : _rng.Pick(topic.ArticleIds);
                }
            }
            else
            {
                var x = _rng.NextDouble();
                viewed = x < 0.5 && spec.NearMissArticleIds.Count > 0 ? _rng.Pick(spec.NearMissArticleIds) : x < 0.7 ? _rng.Pick(GeneralIds) : null;
            }

            if (_rng.Chance(0.12))
            {
                var extra = _rng.Pick(GeneralIds);
                viewed = viewed is null ? extra : viewed + ";" + extra;
            }

            return viewed ?? string.Empty;
        }

        private void WriteDay(List<TicketRow> rows, CsvOut tickets, CsvOut ticketTopics)
        {
            foreach (var row in rows)
            {
                row.Id = (100001 + _ticketsWritten).ToString(CultureInfo.InvariantCulture);
                _ticketsWritten++;
                tickets.Field(row.Id);
                tickets.Field(row.CreatedAt);
                tickets.Field(row.ResolvedAt);
                tickets.Field(row.Status);
                tickets.Field(_population.Contacts[row.Contact].Id);
                tickets.Field(row.Channel);
                tickets.Field(row.Topic.Spec.Category);
                tickets.Field(row.Topic.Spec.Product);
                tickets.Field(row.Priority);
                tickets.Field(row.Group);
                tickets.Field(row.Agent);
                tickets.Field(row.Subject);
                tickets.Field(row.Description);
                tickets.Field(row.Resolution);
                tickets.Field(row.ReopenCount);
                tickets.Field(row.Escalated ? "true" : "false");
                tickets.Field(row.LinkedArticleIds);
                if (row.Csat > 0)
                {
                    tickets.Field(row.Csat);
                }
                else
                {
                    tickets.Field((string?)null);
                }

                tickets.Field(row.ResolvedBy);
                tickets.EndRow();

                ticketTopics.Field(row.Id);
                ticketTopics.Field(row.Topic.Spec.Id);
                ticketTopics.Field(row.IsFollowUp ? "true" : "false");
                ticketTopics.Field(row.ParentId);
                ticketTopics.EndRow();

                if (row.PlansFollowUp && row.ResolvedAt is { } resolved)
                {
                    ScheduleFollowUp(row, resolved);
                }
            }
        }

        private void ScheduleFollowUp(TicketRow row, DateTime resolved)
        {
            // Within the 7-day FCR window after resolution, never on the parent's own day (keeps days independent).
            var delayHours = Math.Clamp(_rng.LogNormal(40, 0.7), 2, (7 * 24) - 4);
            var created = resolved.AddSeconds(Math.Round(delayHours * 3600));
            var parentDay = (row.CreatedAt - _start).Days;
            if ((created - _start).Days <= parentDay)
            {
                created = _start.AddDays(parentDay + 1).AddSeconds(TimeOfDaySeconds());
                if (created > resolved.AddDays(7) || created <= resolved)
                {
                    return;
                }
            }

            if (created >= _end)
            {
                return;
            }

            var day = (created - _start).Days;
            if (!_followUps.TryGetValue(day, out var list))
            {
                list = [];
                _followUps[day] = list;
            }

            list.Add(new FollowUpPlan(created, row.Contact, row.Topic, row.Id, row.Subject, row.Channel, resolved, row.Resolution, row.Agent, row.FailedWithoutFollowUp, row.CreatedAt));
            _pendingFollowUps++;
            _followUpsScheduled++;
        }

        private void FlushSessions(DateTime before, CsvOut sessions, CsvOut sessionTopics)
        {
            _sessionBuffer.Sort(static (a, b) => a.StartedAt != b.StartedAt ? a.StartedAt.CompareTo(b.StartedAt) : a.Sequence.CompareTo(b.Sequence));
            var flushed = 0;
            foreach (var session in _sessionBuffer)
            {
                if (session.StartedAt >= before)
                {
                    break;
                }

                var id = string.Create(CultureInfo.InvariantCulture, $"S-{_sessionsWritten + 1:D6}");
                _sessionsWritten++;
                flushed++;
                sessions.Field(id);
                sessions.Field(_population.Contacts[session.Contact].Id);
                sessions.Field(session.StartedAt);
                sessions.Field(session.Query);
                sessions.Field(session.ViewedArticleIds);
                sessions.Field(session.Channel);
                sessions.EndRow();
                sessionTopics.Field(id);
                sessionTopics.Field(session.Topic.Spec.Id);
                sessionTopics.Field(session.FollowedBy?.Id);
                sessionTopics.EndRow();
            }

            _sessionBuffer.RemoveRange(0, flushed);
        }

        private double TimeOfDaySeconds()
        {
            // Mostly business hours across European and American customers, some around the clock.
            var hour = _rng.Chance(0.85) ? Math.Clamp(14 + (3.5 * _rng.Gaussian()), 0, 23.99) : _rng.Uniform(0, 24);
            return Math.Floor(hour * 3600);
        }

        private string PickChannel() => Channels[_rng.PickCumulative(ChannelCumulative)];

        private static readonly string[] OpenStatuses = ["open", "open", "open", "pending", "pending", "new"];
        private static readonly double[] HappyCsat = [0.03, 0.07, 0.17, 0.47, 1.0];
        private static readonly double[] UnhappyCsat = [0.35, 0.65, 0.85, 0.95, 1.0];
        private static readonly string[] GeneralIds = ["KB-2001", "KB-2002", "KB-2003", "KB-2004", "KB-2005", "KB-2006", "KB-2007", "KB-2008", "KB-2009", "KB-2010", "KB-2011", "KB-2012", "KB-2013", "KB-2014", "KB-2015", "KB-2016"];
        private static readonly string[] FindabilityDetours = ["KB-1018", "KB-2007", "KB-2006", "KB-2015"];
    }
}

using System.Diagnostics;
using System.Numerics.Tensors;
using KnowledgeLoop.Core.Articles;
using KnowledgeLoop.Core.Clustering;
using KnowledgeLoop.Core.Embeddings;
using KnowledgeLoop.Core.Gaps;
using KnowledgeLoop.Core.Labels;
using KnowledgeLoop.Core.Matching;
using KnowledgeLoop.Core.Metrics;
using KnowledgeLoop.Core.Reports;
using KnowledgeLoop.Core.Text;
using KnowledgeLoop.Core.Tickets;
using KnowledgeLoop.Core.Tracking;
using KnowledgeLoop.Core.Vectors;
using Microsoft.Extensions.AI;

namespace KnowledgeLoop.Core.Analysis;

/// <summary>
/// The gap analysis of DESIGN §4, end to end: outcomes → failure text → embedding → clustering → assignment of
/// every ticket → labels → article matching → gap type, impact and rank → report document. Everything is
/// seeded, so the same input and options give the same report (apart from <c>generated_at</c>).
/// </summary>
public static class GapAnalyzer
{
    /// <summary>Runs the analysis (blocking on the embedder and the index when they are remote: prefer <see cref="AnalyzeAsync"/> then).</summary>
    public static AnalysisResult Analyze(AnalysisInput input, AnalysisOptions options, IProgress<AnalysisProgress>? progress = null, TimeProvider? time = null, CancellationToken cancellationToken = default) =>
        AnalyzeAsync(input, options, progress, time, cancellationToken).GetAwaiter().GetResult();

    /// <summary>
    /// Runs the analysis. With neither <see cref="AnalysisInput.Embedder"/> nor <see cref="AnalysisInput.ArticleIndex"/>
    /// nothing awaits and the task completes synchronously.
    /// </summary>
    public static Task<AnalysisResult> AnalyzeAsync(AnalysisInput input, AnalysisOptions options, IProgress<AnalysisProgress>? progress = null, TimeProvider? time = null, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(input);
        ArgumentNullException.ThrowIfNull(options);
        options.Validate();
        var run = new Run(input, options, progress, cancellationToken);
        return run.ExecuteAsync(time ?? TimeProvider.System);
    }

    private sealed class Run(AnalysisInput input, AnalysisOptions options, IProgress<AnalysisProgress>? progress, CancellationToken cancellationToken)
    {
        private readonly Dictionary<string, double> _seconds = new(StringComparer.Ordinal);
        private readonly Stopwatch _clock = new();
        private AnalysisStage _stage;

        public async Task<AnalysisResult> ExecuteAsync(TimeProvider time)
        {
            var tickets = input.Tickets;
            var articles = input.Articles;

            // 1. Outcomes.
            Begin(AnalysisStage.Metrics);
            var metrics = MetricsEngine.Compute(tickets, input.Sessions, options.Metrics, articles.Count);
            var outcomes = metrics.Outcomes;
            // Failures to cluster (DESIGN §4.1): first contacts reopened, escalated or followed up, including recent ones
            // whose window is still open but that have already failed (an emerging topic is mostly recent), and mature
            // unresolved ones. FCR itself still counts only mature first contacts.
            var failures = Enumerable.Range(0, tickets.Count)
                .Where(i => outcomes[i].IsObservedFailure)
                .ToArray();

            // 2. Text: cleaned ticket text, article chunks, session queries.
            Begin(AnalysisStage.Text);
            // Made on demand (a string per ticket is about 0.8 GB at a million tickets); the embedding reads it in blocks.
            var ticketText = new LazyList<string>(tickets.Count, i => TicketText(tickets[i]));

            var chunks = new ArticleChunker().Chunk(articles);
            var sessionRows = Enumerable.Range(0, input.Sessions.Count).Where(s => !string.IsNullOrWhiteSpace(input.Sessions[s].Query)).ToArray();

            // 3. Embedding: fitted on the failures, a seeded sample of the other tickets and the article chunks.
            Begin(AnalysisStage.Embedding);
            var lsaOptions = new LsaOptions { Dimensions = options.Dimensions, Seed = options.Seed };
            LsaModel? model = null;
            VectorMatrix ticketVectors, chunkVectors;
            VectorMatrix? sessionVectors;
            if (input.Embedder is not { } embedder)
            {
                var fitDocuments = FitSample(ticketText, failures).Concat(chunks.Select(c => c.Text)).ToList();
                model = LsaModel.Fit(fitDocuments, lsaOptions, Fraction(0, 0.5), cancellationToken);
                ticketVectors = model.Transform(ticketText, cancellationToken);
                Report(0.9);
                chunkVectors = chunks.Count == 0 ? new VectorMatrix(0, model.Dimensions) : model.Transform(chunks.Select(c => c.Text).ToList(), cancellationToken);
                sessionVectors = null; // embedded a block at a time where they are assigned
            }
            else
            {
                ticketVectors = await EmbedAsync(embedder, ticketText, null, 0, 0.8);
                chunkVectors = chunks.Count == 0 ? new VectorMatrix(0, ticketVectors.Dimensions) : await EmbedAsync(embedder, chunks.Select(c => c.Text).ToList(), null, 0.8, 0.9);
                sessionVectors = sessionRows.Length == 0 ? null : await EmbedAsync(embedder, sessionRows.Select(s => input.Sessions[s].Query!).ToList(), EmbeddingPurpose.ForQueries(), 0.9, 1);
            }

            // 4. Clustering of the failures, then every ticket to its nearest cluster within the cut-off.
            Begin(AnalysisStage.Clustering);
            var clusterOf = Enumerable.Repeat(-1, tickets.Count).ToArray();
            ClusteringResult? clustering = null;
            MergedClusters? merged = null;
            var failureVectors = ticketVectors.Select(failures);
            if (failures.Length >= Math.Max(2 * options.MinimumClusterSize, 4))
            {
                clustering = ClusteringPipeline.Run(
                    failureVectors,
                    new ClusteringOptions
                    {
                        ClusterCount = options.Clusters,
                        MaximumClusters = options.MaximumClusters ?? AnalysisOptions.DefaultMaximumClusters,
                        Seed = options.Seed,
                        MaxUnclusteredFraction = options.MaxUnclusteredFraction,
                        MinimumClusterSize = options.MinimumClusterSize,
                    },
                    Fraction(0, 0.8),
                    cancellationToken);
                merged = ClusterMerger.Merge(clustering, options.ClusterMergeSimilarity);
                var all = OutlierCut.AssignWithinCutoff(ticketVectors, clustering.Model, clustering.Cutoffs);
                for (var i = 0; i < tickets.Count; i++)
                {
                    clusterOf[i] = all[i] < 0 ? -1 : merged.MergedOf[all[i]];
                }

                // A failure keeps the clustering's own verdict (clustered or an outlier).
                for (var f = 0; f < failures.Length; f++)
                {
                    clusterOf[failures[f]] = clustering.Assignments[f] < 0 ? -1 : merged.MergedOf[clustering.Assignments[f]];
                }
            }

            var clusterCount = merged?.Centroids.Rows ?? 0;

            // Several gaps per ticket: a failure's later customer messages embedded on their own (docs/next-issues.md).
            IReadOnlyList<IReadOnlyList<int>>? secondaryOf = null;
            if (clustering is not null)
            {
                var later = SecondaryFailures.Candidates(tickets, outcomes);
                var laterText = later.Select(x => x.Text).ToList();
                var laterVectors = later.Count == 0 ? null : model?.Transform(laterText, cancellationToken) ?? await EmbedAsync(input.Embedder!, laterText, null, 1, 1);
                var laterCluster = laterVectors is null ? [] : OutlierCut.AssignWithinCutoff(laterVectors, clustering.Model, clustering.Cutoffs).Select(k => k < 0 ? -1 : merged!.MergedOf[k]).ToArray();
                secondaryOf = SecondaryFailures.Attribute(later.Select(x => x.Ticket).ToList(), laterCluster, clusterOf, clusterCount);
            }

            var failureSet = new HashSet<int>(failures);
            var members = new List<int>[clusterCount];
            for (var c = 0; c < clusterCount; c++)
            {
                members[c] = [];
            }

            for (var i = 0; i < tickets.Count; i++)
            {
                if (clusterOf[i] >= 0)
                {
                    members[clusterOf[i]].Add(i);
                }
            }

            var sessionsOf = new List<int>[clusterCount];
            for (var c = 0; c < clusterCount; c++)
            {
                sessionsOf[c] = [];
            }

            if (clustering is not null && sessionRows.Length > 0)
            {
                // Session queries embedded and assigned a block at a time, so their vectors are never all held at once.
                for (var start = 0; start < sessionRows.Length; start += LsaModel.TransformBlock)
                {
                    var block = sessionRows.AsSpan(start, Math.Min(LsaModel.TransformBlock, sessionRows.Length - start)).ToArray();
                    var blockVectors = sessionVectors is not null
                        ? SliceRows(sessionVectors, start, block.Length)
                        : model!.Transform(block.Select(s => input.Sessions[s].Query!).ToList(), cancellationToken);
                    var sessionCluster = OutlierCut.AssignWithinCutoff(blockVectors, clustering.Model, clustering.Cutoffs);
                    for (var row = 0; row < block.Length; row++)
                    {
                        if (sessionCluster[row] >= 0)
                        {
                            sessionsOf[merged!.MergedOf[sessionCluster[row]]].Add(block[row]);
                        }
                    }
                }
            }

            // 5. Labels from the failures' own words.
            Begin(AnalysisStage.Labels);
            var failureCluster = failures.Select(i => clusterOf[i]).ToArray();
            var failureCorpus = LsaModel.Tokenize(new LazyList<string>(failures.Length, f => ticketText[failures[f]]), lsaOptions, null, cancellationToken);
            var failureTerms = new LazyList<IReadOnlyList<string>>(failures.Length, f => failureCorpus.Terms(f));
            var stemmed = clusterCount == 0 ? [] : ClassTfIdf.TopKeywords(failureTerms, failureCluster, clusterCount, 8);
            var surface = SurfaceForms.Of(failures.Select(i => ticketText[i]));
            var keywords = stemmed.Select(list => (IReadOnlyList<ClusterKeyword>)list.Select(k => new ClusterKeyword(
                string.Join(Tokenizer.BigramSeparator, k.Term.Split(Tokenizer.BigramSeparator).Select(part => surface.GetValueOrDefault(part, part))),
                k.Score)).ToList()).ToList();
            var centroids = merged?.Centroids;
            var representatives = clusterCount == 0 ? [] : Representatives.Nearest(failureVectors, failureCluster, centroids!, 3);

            // 6. Matching clusters (and their tickets) to articles.
            Begin(AnalysisStage.Matching);
            var matcher = new ArticleMatcher(chunks, chunkVectors);
            if (input.ArticleIndex is { } articleIndex)
            {
                await articleIndex.UpsertAsync(chunks.Select((chunk, i) => new VectorItem(ChunkId(chunk), chunkVectors.RowMemory(i), new VectorPayload())).ToList(), cancellationToken);
            }

            var articleById = articles.GroupBy(a => a.Id, StringComparer.Ordinal).ToDictionary(g => g.Key, g => g.First(), StringComparer.Ordinal);
            var linkers = LinkingTickets(tickets);
            var articleMetrics = metrics.Articles.ToDictionary(a => a.ArticleId, StringComparer.Ordinal);
            var sessionFacts = SessionDeflection.Judge(input.Sessions, tickets, options.Metrics.DeflectionWindow, metrics.AsOf);
            var linkCache = new Dictionary<string, IReadOnlyList<ArticleLink>>(StringComparer.Ordinal);

            // 7. Type, impact, pattern and rank.
            Begin(AnalysisStage.Gaps);
            var population = GapPopulation.From(metrics.Counts, tickets.Count == 0 ? null : tickets.Min(t => t.CreatedAt));
            var typingOptions = new GapTypingOptions { SimilarityThreshold = options.SimilarityThreshold };
            var impactOptions = new GapImpactOptions { CostPerContact = options.CostPerContact, MinutesPerContact = options.MinutesPerContact, Seed = options.Seed };
            var built = new List<BuiltGap>();
            for (var c = 0; c < clusterCount; c++)
            {
                cancellationToken.ThrowIfCancellationRequested();
                Report(c / (double)clusterCount);
                if (members[c].Count == 0 || !members[c].Any(i => failureSet.Contains(i)))
                {
                    continue;
                }

                var centroid = Unit(centroids!.Row(c));
                var top = input.ArticleIndex is null ? matcher.Top(centroid, 3).ToList() : await TopFromIndexAsync(input.ArticleIndex, matcher, centroid, 3);

                // Articles the cluster's own tickets link are candidates too, however their words compare: the typing
                // weighs what happened to the tickets that linked them (DESIGN §4.7, "the tickets' own evidence").
                foreach (var linked in members[c].SelectMany(i => tickets[i].LinkedArticleIds).Distinct(StringComparer.Ordinal)
                    .Where(id => matcher.ArticleIndex.ContainsKey(id) && top.All(m => m.ArticleId != id))
                    .Select(id => (Id: id, Count: members[c].Count(i => tickets[i].LinkedArticleIds.Contains(id))))
                    .Where(x => x.Count >= 3)
                    .OrderByDescending(x => x.Count).ThenBy(x => x.Id, StringComparer.Ordinal)
                    .Take(2))
                {
                    var index = matcher.ArticleIndex[linked.Id];
                    top.Add(new ArticleMatch(linked.Id, Math.Round(matcher.SimilarityTo(centroid, index), 6), matcher.BestChunk(centroid, index)));
                }

                var topIndexes = top.Select(m => matcher.ArticleIndex[m.ArticleId]).ToArray();
                var clusterMembers = members[c].Select(i => new ClusterMember
                {
                    Ticket = tickets[i],
                    Outcome = outcomes[i],
                    CentroidSimilarity = TensorPrimitives.Dot(centroid, ticketVectors.Row(i)),
                    ArticleSimilarities = top.Select((m, k) => (m.ArticleId, Similarity: matcher.SimilarityTo(ticketVectors.Row(i), topIndexes[k])))
                        .ToDictionary(x => x.ArticleId, x => x.Similarity, StringComparer.Ordinal),
                }).ToList();

                var candidates = top.Where(m => articleById.ContainsKey(m.ArticleId)).Select(m => new ArticleCandidate
                {
                    Article = articleById[m.ArticleId],
                    Similarity = m.Similarity,
                    Links = Links(m.ArticleId),
                    SessionsViewed = articleMetrics.TryGetValue(m.ArticleId, out var am) ? am.SessionsViewed : 0,
                    Deflection = am?.DeflectionRate,
                }).ToList();

                var cluster = new GapCluster
                {
                    Id = $"c{c}",
                    Members = clusterMembers,
                    TopArticles = candidates,
                    ArticleSimilarity = matcher.ArticleSimilarity,
                    SessionDeflection = SessionDeflection.Rate(sessionsOf[c], sessionFacts),
                };

                var typing = GapTypeClassifier.Classify(cluster, population, metrics.AsOf, typingOptions);
                var impact = GapImpactCalculator.Compute(cluster, population, metrics.AsOf, impactOptions);
                var pattern = FailurePatternAnalyzer.Analyze(clusterMembers);
                built.Add(new BuiltGap(c, cluster, typing, impact, pattern, top));
            }

            var ranked = GapRanker.Rank(built, g => g.Impact);
            var gaps = ranked.Select(r => Document(r, keywords, representatives, failures, failureCluster, ticketText, centroids!, ticketVectors, outcomes, matcher, articleById)).ToList();

            // Stable ids across runs and the geometry the store keeps (Tracking/).
            var embedderId = model?.ModelId ?? input.Embedder!.GetService<EmbeddingGeneratorMetadata>()?.DefaultModelId ?? "remote";
            var tracked = GapTracker.Track(new GapTrackingInput(
                tickets, ticketVectors, clustering, merged, ranked.Select(r => r.Gap.Index).ToList(), members, gaps, metrics.AsOf, embedderId, input.PreviousGaps, options.Tracking));

            // Next-issue paths name their target gaps by the stable ids, so they are attached after tracking.
            gaps = [.. NextIssueReport.Attach(tracked.Gaps.ToList(), ranked.Select(r => r.Gap.Index).ToList(), tickets, clusterOf, secondaryOf, options.Metrics, metrics.AsOf, metrics.Timeline)];

            // 8. Impact of the articles created, updated or published for each gap (Tracking/ArticleImpactCalculator).
            if (gaps.Count > 0)
            {
                var impactGaps = ranked.Select((r, i) => new ImpactGap
                {
                    Id = gaps[i].Id,
                    Members = r.Gap.Cluster.Members,
                    Sessions = sessionsOf[r.Gap.Index].Select(s => new ImpactSession(input.Sessions[s].StartedAt, sessionFacts[s].Mature, sessionFacts[s].Deflected)).ToList(),
                    MatchingArticleIds = r.Gap.Top.Where(m => m.Similarity >= options.SimilarityThreshold).Select(m => m.ArticleId).ToList(),
                }).ToList();
                var articleImpacts = ArticleImpactCalculator.Compute(impactGaps, articleById, input.Publications, tickets.Min(t => t.CreatedAt), metrics.AsOf, options.Impact);
                gaps = gaps.Select((g, i) => g with { Impact = ImpactDocument.From(articleImpacts[i]) }).ToList();
            }

            var unclustered = failures.Where(i => clusterOf[i] < 0 || !built.Any(g => g.Index == clusterOf[i])).Select(i => tickets[i].Id).Order(StringComparer.Ordinal).ToList();
            _clock.Stop();
            _seconds[_stage.ToString().ToLowerInvariant()] = Math.Round(_clock.Elapsed.TotalSeconds, 3);
            Report(1);

            var report = MetricsDocument.From(metrics, options.Metrics, time) with
            {
                Analysis = new AnalysisSettingsDocument
                {
                    Embedder = model?.ModelId ?? input.Embedder!.GetService<EmbeddingGeneratorMetadata>()?.DefaultModelId ?? "remote",
                    Dimensions = ticketVectors.Dimensions,
                    ClustersRequested = options.Clusters?.ToString(System.Globalization.CultureInfo.InvariantCulture) ?? "auto",
                    Clusters = clusterCount,
                    Seed = options.Seed,
                    Failures = failures.Length,
                    Unclustered = unclustered.Count,
                    SimilarityThreshold = options.SimilarityThreshold,
                    Silhouette = clustering?.Silhouette is { } s ? Math.Round(s, 4) : null,
                },
                Gaps = gaps,
                UnclusteredFailures = unclustered,
            };

            return new AnalysisResult(report, model, ticketVectors, clusterOf, outcomes, new Dictionary<string, double>(_seconds)) { Geometry = tracked.Geometry };

            IReadOnlyList<ArticleLink> Links(string articleId)
            {
                if (linkCache.TryGetValue(articleId, out var cached))
                {
                    return cached;
                }

                var index = matcher.ArticleIndex.TryGetValue(articleId, out var a) ? a : -1;
                var list = linkers.TryGetValue(articleId, out var linking)
                    ? linking.Select(i => new ArticleLink(outcomes[i], index < 0 ? 0 : matcher.SimilarityTo(ticketVectors.Row(i), index))).ToList()
                    : [];
                linkCache[articleId] = list;
                return list;
            }
        }

        /// <summary>Rows [start, start + count) of a matrix, copied.</summary>
        private static VectorMatrix SliceRows(VectorMatrix matrix, int start, int count) =>
            start == 0 && count == matrix.Rows ? matrix : VectorMatrix.FromRows(Enumerable.Range(start, count).Select(matrix.RowMemory).ToList());

        /// <summary>Texts through the given embedder, a block at a time (the embedder batches its own requests), as unit rows.</summary>
        private async Task<VectorMatrix> EmbedAsync(IEmbeddingGenerator<string, Embedding<float>> embedder, IReadOnlyList<string> texts, EmbeddingGenerationOptions? embeddingOptions, double from, double to)
        {
            const int Block = 1024;
            var rows = new List<ReadOnlyMemory<float>>(texts.Count);
            for (var start = 0; start < texts.Count; start += Block)
            {
                cancellationToken.ThrowIfCancellationRequested();

                // Endpoints refuse empty input; an empty ticket text still needs a row.
                var block = texts.Skip(start).Take(Block).Select(t => string.IsNullOrWhiteSpace(t) ? "(empty)" : t).ToList();
                var embeddings = await embedder.GenerateAsync(block, embeddingOptions, cancellationToken);
                if (embeddings.Count != block.Count)
                {
                    throw new InvalidOperationException($"The embedder returned {embeddings.Count} embeddings for {block.Count} texts.");
                }

                rows.AddRange(embeddings.Select(e => e.Vector));
                Report(from + ((to - from) * Math.Min(texts.Count, start + Block) / texts.Count));
            }

            var matrix = VectorMatrix.FromRows(rows);
            matrix.NormalizeRows();
            return matrix;
        }

        private IEnumerable<string> FitSample(IReadOnlyList<string> ticketText, int[] failures)
        {
            var limit = options.FitSampleSize;
            var chosen = new HashSet<int>(failures.Length > limit ? failures.Take(limit) : failures);
            if (chosen.Count < limit && ticketText.Count > chosen.Count)
            {
                var random = new Random(options.Seed);
                var rest = Enumerable.Range(0, ticketText.Count).Where(i => !chosen.Contains(i)).ToArray();
                random.Shuffle(rest);
                foreach (var i in rest.Take(limit - chosen.Count))
                {
                    chosen.Add(i);
                }
            }

            return chosen.Order().Select(i => ticketText[i]);
        }

        private GapDocument Document(
            RankedGap<BuiltGap> ranked,
            List<IReadOnlyList<ClusterKeyword>> keywords,
            IReadOnlyList<IReadOnlyList<int>> representatives,
            int[] failures,
            int[] failureCluster,
            IReadOnlyList<string> ticketText,
            VectorMatrix centroids,
            VectorMatrix ticketVectors,
            IReadOnlyList<TicketOutcome> outcomes,
            ArticleMatcher matcher,
            Dictionary<string, Article> articleById)
        {
            var gap = ranked.Gap;
            var impact = ranked.Impact;
            var c = gap.Index;
            var words = keywords[c];
            var representativeTickets = representatives[c].Select(f => failures[f]).ToList();
            var failureTickets = gap.Cluster.Members.Where(m => m.Outcome.Fcr == FcrOutcome.Failure).ToList();
            var centroid = Unit(centroids.Row(c));
            var assessments = gap.Typing.Articles.ToDictionary(a => a.ArticleId, StringComparer.Ordinal);

            var evidence = new List<EvidenceTicketDocument>();
            var seen = new HashSet<string>(StringComparer.Ordinal);
            var byId = gap.Cluster.Members.ToDictionary(m => m.Ticket.Id, StringComparer.Ordinal);
            foreach (var member in representativeTickets.Select(i => byId.GetValueOrDefault(input.Tickets[i].Id)).OfType<ClusterMember>()
                .Concat(failureTickets.OrderByDescending(m => m.CentroidSimilarity).ThenBy(m => m.Ticket.Id, StringComparer.Ordinal)))
            {
                if (evidence.Count >= options.EvidencePerGap || !seen.Add(member.Ticket.Id))
                {
                    continue;
                }

                evidence.Add(Evidence(member, representativeTickets.Any(i => input.Tickets[i].Id == member.Ticket.Id)));
            }

            var typing = gap.Typing;
            return new GapDocument
            {
                Id = GapId(representativeTickets.Select(i => input.Tickets[i].Id)),
                Rank = ranked.Rank,
                Title = ClusterTitle.From(words),
                Type = typing.Type.ToContractName(),
                Reason = typing.Reason,
                Keywords = words.Select(w => w.Text).ToList(),
                Emerging = impact.Emerging,
                TicketCount = impact.Tickets,
                FailureCount = impact.Failures,
                Fcr = MetricsDocument.Map(impact.Fcr),
                FcrPointsLost = Math.Round(impact.FcrPointsLost, 6),
                ExpectedFcrLift = Math.Round(impact.ExpectedLift, 6),
                Trend = impact.Trend is { } trend ? Math.Round(trend, 4) : null,
                Coverage = Math.Round(typing.Coverage, 4),
                TopArticles = gap.Top.Take(3).Concat(gap.Top.Skip(3).Where(m => m.ArticleId == typing.ArticleId)).Select(m => new GapArticleDocument
                {
                    Id = m.ArticleId,
                    Title = assessments.TryGetValue(m.ArticleId, out var a) ? a.Title : m.ArticleId,
                    Similarity = Math.Round(m.Similarity, 4),
                    BestChunk = matcher.Chunks[m.ChunkIndex].Heading,
                    Url = articleById.GetValueOrDefault(m.ArticleId)?.Url,
                    UpdatedAt = a?.LastChanged,
                    LinkedTickets = a?.LinkRate?.Numerator,
                    LinkedFcr = MetricsDocument.Map(a?.LinkedFcr),
                }).ToList(),
                RepresentativeTicketIds = representativeTickets.Select(i => input.Tickets[i].Id).ToList(),
                FailureTicketIds = failureTickets.Select(m => m.Ticket.Id).Order(StringComparer.Ordinal).ToList(),
                SecondaryType = typing.SecondaryType?.ToContractName(),
                SimilarityThreshold = typing.SimilarityThreshold,
                ExpectedFcrLiftCiLow = impact.ExpectedLiftCiLow is { } low ? Math.Round(low, 6) : null,
                ExpectedFcrLiftCiHigh = impact.ExpectedLiftCiHigh is { } high ? Math.Round(high, 6) : null,
                FailuresLast4Weeks = impact.FailuresLastPeriod,
                FailuresPrevious4Weeks = impact.FailuresPreviousPeriod,
                MatureFirstContacts = impact.MatureFirstContacts,
                ReopenRate = MetricsDocument.Map(impact.ReopenRate),
                EscalationRate = MetricsDocument.Map(impact.EscalationRate),
                DeflectionRate = MetricsDocument.Map(impact.DeflectionRate),
                NiaRate = MetricsDocument.Map(impact.NiaRate),
                LinkRate = MetricsDocument.Map(impact.LinkRate),
                Csat = impact.Csat is { } csat ? Math.Round(csat, 3) : null,
                MedianHoursToResolution = impact.MedianHoursToResolution is { } hours ? Math.Round(hours, 2) : null,
                FailureCost = impact.FailureCost,
                FailureHours = impact.FailureHours is { } h ? Math.Round(h, 1) : null,
                Pattern = gap.Pattern.ContractName,
                PatternReason = gap.Pattern.Reason,
                Agents = gap.Pattern.Concentrated.Select(x => new GapAgentDocument
                {
                    Name = x.Name,
                    Kind = x.Kind,
                    Tickets = x.Tickets,
                    Failures = x.Failures,
                    ExpectedFailures = Math.Round(x.ExpectedFailures, 2),
                }).ToList(),
                Categories = gap.Cluster.Members.GroupBy(m => m.Ticket.Category ?? SegmentMetrics.NoneKey, StringComparer.Ordinal)
                    .Select(g => new KeyCountDocument(g.Key, g.Count()))
                    .OrderByDescending(k => k.Count).ThenBy(k => k.Key, StringComparer.Ordinal).Take(5).ToList(),
                WeeklyFailures = impact.WeeklyFailures.Select(w => new KeyCountDocument(SegmentKeys.TimeKey(SegmentKeys.TimeCode(w.WeekStart, SegmentDimension.Week), SegmentDimension.Week), w.Count)).ToList(),
                Evidence = evidence,
            };

            EvidenceTicketDocument Evidence(ClusterMember member, bool representative)
            {
                var ticket = member.Ticket;
                return new EvidenceTicketDocument
                {
                    Id = ticket.Id,
                    Subject = TextExcerpt.Shorten(ticket.Subject ?? ticket.Description ?? string.Empty, 120),
                    Excerpt = TextExcerpt.Shorten(TextCleaner.Clean(ticket.Description ?? ticket.Subject ?? string.Empty), 400),
                    CreatedAt = ticket.CreatedAt,
                    Outcome = member.Outcome.Fcr.ToContractName(),
                    FailureReasons = Reasons(member.Outcome.FailureReasons),
                    Representative = representative,
                    Similarity = Math.Round(member.CentroidSimilarity, 4),
                    Resolution = ticket.Resolution is null ? null : TextExcerpt.Shorten(TextCleaner.Clean(ticket.Resolution), 300),
                    LinkedArticleIds = ticket.LinkedArticleIds,
                    Category = ticket.Category,
                    Agent = ticket.Agent,
                };
            }
        }

        private void Begin(AnalysisStage stage)
        {
            if (_clock.IsRunning)
            {
                _seconds[_stage.ToString().ToLowerInvariant()] = Math.Round(_clock.Elapsed.TotalSeconds, 3);
                Report(1);
            }

            _stage = stage;
            _clock.Restart();
            Report(0);
        }

        private void Report(double fraction) => progress?.Report(new AnalysisProgress(_stage, Math.Clamp(fraction, 0, 1)));

        private InlineProgress Fraction(double from, double to) =>
            new InlineProgress(f => Report(from + ((to - from) * f)));
    }

    /// <summary>
    /// Subject, description and the first later message from the customer: the text the analysis reads (the
    /// embedder cleans it: quotes, signatures and greetings out, e-mails and phones masked).
    /// </summary>
    public static string TicketText(Ticket ticket)
    {
        ArgumentNullException.ThrowIfNull(ticket);
        var customer = ticket.Messages.FirstOrDefault(m => m.Public && string.Equals(m.Author, "customer", StringComparison.OrdinalIgnoreCase));
        return customer is null ? ticket.Text : ticket.Text + "\n" + customer.Body;
    }

    /// <summary>A gap id derived from its representative tickets: the same cluster in the same data gets the same id.</summary>
    public static string GapId(IEnumerable<string> representativeTicketIds)
    {
        var hash = 14695981039346656037UL;
        foreach (var id in representativeTicketIds.Order(StringComparer.Ordinal))
        {
            foreach (var c in id)
            {
                hash = (hash ^ c) * 1099511628211UL;
            }

            hash = (hash ^ 0x1F) * 1099511628211UL;
        }

        return "gap-" + (hash & 0xFFFFFFFFFFUL).ToString("x10", System.Globalization.CultureInfo.InvariantCulture);
    }

    private static string ChunkId(ArticleChunk chunk) => chunk.ArticleId + "#" + chunk.Index.ToString(System.Globalization.CultureInfo.InvariantCulture);

    /// <summary>
    /// The <paramref name="count"/> articles nearest <paramref name="centroid"/> as the vector index finds them (its best
    /// chunk hits, widened until enough distinct articles come back), scored and ordered exactly as
    /// <see cref="ArticleMatcher.Top"/> does from the same vectors, so the store's float rounding can't change a report.
    /// </summary>
    private static async Task<List<ArticleMatch>> TopFromIndexAsync(IVectorIndex index, ArticleMatcher matcher, float[] centroid, int count)
    {
        var chunkCount = matcher.Chunks.Count;
        var wanted = Math.Min(count, matcher.ArticleCount);
        var found = new List<string>();
        for (var k = Math.Min(chunkCount, Math.Max(16, 4 * count)); k > 0; k = Math.Min(chunkCount, k * 4))
        {
            var hits = await index.SearchAsync(centroid, k);
            found = hits.Select(h => h.Id[..Math.Max(0, h.Id.LastIndexOf('#'))])
                .Where(matcher.ArticleIndex.ContainsKey)
                .Distinct(StringComparer.Ordinal).Take(wanted).ToList();
            if (found.Count >= wanted || k >= chunkCount)
            {
                break;
            }
        }

        var bestChunk = new int[matcher.ArticleCount];
        var similarities = matcher.ArticleSimilarities(centroid, bestChunk);
        return found.Select(id => (Id: id, Index: matcher.ArticleIndex[id]))
            .OrderByDescending(x => similarities[x.Index]).ThenBy(x => x.Id, StringComparer.Ordinal)
            .Select(x => new ArticleMatch(x.Id, Math.Round(similarities[x.Index], 6), bestChunk[x.Index]))
            .ToList();
    }

    private static float[] Unit(ReadOnlySpan<float> vector)
    {
        var copy = vector.ToArray();
        var norm = TensorPrimitives.Norm(copy);
        if (norm > 0)
        {
            TensorPrimitives.Divide(copy, norm, copy);
        }

        return copy;
    }

    private static Dictionary<string, List<int>> LinkingTickets(IReadOnlyList<Ticket> tickets)
    {
        var linkers = new Dictionary<string, List<int>>(StringComparer.Ordinal);
        for (var i = 0; i < tickets.Count; i++)
        {
            foreach (var article in tickets[i].LinkedArticleIds)
            {
                if (!linkers.TryGetValue(article, out var list))
                {
                    linkers[article] = list = [];
                }

                list.Add(i);
            }
        }

        return linkers;
    }

    private static List<string> Reasons(FcrFailureReasons reasons)
    {
        var list = new List<string>();
        if (reasons.HasFlag(FcrFailureReasons.Reopened))
        {
            list.Add("reopened");
        }

        if (reasons.HasFlag(FcrFailureReasons.Escalated))
        {
            list.Add("escalated");
        }

        if (reasons.HasFlag(FcrFailureReasons.FollowedUp))
        {
            list.Add("followed_up");
        }

        if (reasons.HasFlag(FcrFailureReasons.Unresolved))
        {
            list.Add("unresolved");
        }

        return list;
    }

    private sealed record BuiltGap(int Index, GapCluster Cluster, GapTyping Typing, GapImpact Impact, FailurePattern Pattern, IReadOnlyList<ArticleMatch> Top);

    private sealed class InlineProgress(Action<double> report) : IProgress<double>
    {
        public void Report(double value) => report(value);
    }

    /// <summary>A read-only list whose items are made when read (and not kept): large per-ticket values held one at a time.</summary>
    private sealed class LazyList<T>(int count, Func<int, T> item) : IReadOnlyList<T>
    {
        public int Count => count;

        public T this[int index] => (uint)index < (uint)count ? item(index) : throw new ArgumentOutOfRangeException(nameof(index));

        public IEnumerator<T> GetEnumerator()
        {
            for (var i = 0; i < count; i++)
            {
                yield return item(i);
            }
        }

        System.Collections.IEnumerator System.Collections.IEnumerable.GetEnumerator() => GetEnumerator();
    }
}

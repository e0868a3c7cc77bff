using System.Collections.Concurrent;
using System.Globalization;
using System.Security.Cryptography;
using System.Threading.Channels;
using KnowledgeLoop.Api.Hosting;
using KnowledgeLoop.Infrastructure.Storage;
using Microsoft.Extensions.Options;

namespace KnowledgeLoop.Api.Features.Analyses;

/// <summary>
/// The bounded queue of requested analyses and the cancellation handles of the running ones. Requests are recorded in
/// the store first (so their status survives), then queued; the <see cref="AnalysisWorker"/> takes them in order.
/// </summary>
internal sealed class AnalysisQueue
{
    private readonly Channel<string> _channel;
    private readonly ConcurrentDictionary<string, CancellationTokenSource> _running = new(StringComparer.Ordinal);
    private readonly KnowledgeStoreFactory _stores;
    private readonly TimeProvider _time;

    public AnalysisQueue(IOptions<AnalysisQueueOptions> options, KnowledgeStoreFactory stores, TimeProvider time)
    {
        _stores = stores;
        _time = time;
        _channel = Channel.CreateBounded<string>(new BoundedChannelOptions(options.Value.QueueCapacity)
        {
            FullMode = BoundedChannelFullMode.Wait,
            SingleWriter = false,
            SingleReader = false,
        });
    }

    /// <summary>What the worker reads.</summary>
    public ChannelReader<string> Reader => _channel.Reader;

    /// <summary>Records and queues an analysis; null when the queue is full (nothing is kept then).</summary>
    public AnalysisRecord? Enqueue(AnalysisRequest request)
    {
        var now = _time.GetUtcNow();
        var record = new AnalysisRecord
        {
            Id = AnalysisRepository.NewId(now),
            Status = AnalysisRunStatus.Queued,
            CreatedAt = now,
            Seed = request.Seed,
            Clusters = request.Clusters,
            AsOf = request.AsOf,
        };
        _stores.Run(store => new AnalysisRepository(store).Insert(record));
        if (_channel.Writer.TryWrite(record.Id))
        {
            return record;
        }

        _stores.Run(store => new AnalysisRepository(store).Delete(record.Id));
        return null;
    }

    /// <summary>
    /// Asks an analysis to stop: a queued one is cancelled at once, a running one is signalled and ends as cancelled
    /// when the analyzer next checks (within a fraction of a second). Returns the status after the request, or null
    /// for an unknown id.
    /// </summary>
    public AnalysisRecord? Cancel(string id)
    {
        for (var attempt = 0; attempt < 3; attempt++)
        {
            if (_running.TryGetValue(id, out var running))
            {
                running.Cancel();
                return Find(id);
            }

            var record = Find(id);
            if (record is null || record.IsFinished)
            {
                return record;
            }

            if (record.Status == AnalysisRunStatus.Queued && _stores.Run(store => new AnalysisRepository(store).CancelQueued(id, _time.GetUtcNow())))
            {
                return Find(id);
            }

            // It started between the two reads: its token is registered before it is marked running, so look again.
        }

        return Find(id);
    }

    /// <summary>Registers a run's cancellation (before it is marked running, so a cancel never misses it).</summary>
    public CancellationTokenSource Track(string id, CancellationToken stopping)
    {
        var source = CancellationTokenSource.CreateLinkedTokenSource(stopping);
        _running[id] = source;
        return source;
    }

    /// <summary>Forgets a finished run's cancellation.</summary>
    public void Untrack(string id)
    {
        if (_running.TryRemove(id, out var source))
        {
            source.Dispose();
        }
    }

    private AnalysisRecord? Find(string id) => _stores.Run(store => new AnalysisRepository(store).Find(id));
}

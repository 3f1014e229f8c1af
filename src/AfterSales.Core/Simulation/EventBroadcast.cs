using System.Collections.Concurrent;
using System.Runtime.ExceptionServices;

namespace AfterSales.Core.Simulation;

/// <summary>
/// One enumeration of a source handed to several readers, each at its own pace up to <c>capacity</c> items ahead of the
/// slowest: the two runs of a comparison read the events parsed once instead of each parsing and keeping its own copy.
/// The readers must run concurrently (a reader that waits for another to finish first waits for ever once the other's
/// buffer is full). The source is enumerated on a thread of its own, started by the first reader.
/// </summary>
internal sealed class EventBroadcast<T>
{
    private readonly IEnumerable<T> source;
    private readonly BlockingCollection<T>[] buffers;
    private readonly Lock startLock = new();
    private bool started;
    private volatile ExceptionDispatchInfo? failure;

    private EventBroadcast(IEnumerable<T> source, int readers, int capacity)
    {
        this.source = source;
        buffers = [.. Enumerable.Range(0, readers).Select(_ => new BlockingCollection<T>(capacity))];
    }

    public static IReadOnlyList<IEnumerable<T>> Of(IEnumerable<T> source, int readers, int capacity)
    {
        ArgumentNullException.ThrowIfNull(source);
        ArgumentOutOfRangeException.ThrowIfLessThan(readers, 1);
        ArgumentOutOfRangeException.ThrowIfLessThan(capacity, 1);
        var broadcast = new EventBroadcast<T>(source, readers, capacity);
        return [.. Enumerable.Range(0, readers).Select(broadcast.Read)];
    }

    private IEnumerable<T> Read(int reader)
    {
        Start();
        foreach (var item in buffers[reader].GetConsumingEnumerable()) yield return item;
        failure?.Throw();
    }

    private void Start()
    {
        lock (startLock)
        {
            if (started) return;
            started = true;
        }
        // A thread of its own: it blocks while a buffer is full, and must not wait for a pool thread the readers hold.
        new Thread(Produce) { IsBackground = true, Name = "simulation input" }.Start();
    }

    private void Produce()
    {
        try
        {
            foreach (var item in source)
            {
                foreach (var buffer in buffers) buffer.Add(item);
            }
        }
        catch (Exception e)
        {
            failure = ExceptionDispatchInfo.Capture(e);
        }
        finally
        {
            foreach (var buffer in buffers) buffer.CompleteAdding();
        }
    }
}

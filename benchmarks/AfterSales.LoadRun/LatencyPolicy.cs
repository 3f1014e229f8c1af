using Azure.Core;
using Azure.Core.Pipeline;

namespace AfterSales.LoadRun;

/// <summary>
/// <c>--latency-ms N</c>: N milliseconds added to every storage request while <see cref="On"/>, so that the figures
/// reflect a network round trip instead of an emulator on the same machine. Only the load run adds it.
/// </summary>
public sealed class LatencyPolicy(TimeSpan delay) : HttpPipelinePolicy
{
    private volatile bool on;

    public TimeSpan Delay => delay;

    public bool On
    {
        get => on;
        set => on = value;
    }

    public override async ValueTask ProcessAsync(HttpMessage message, ReadOnlyMemory<HttpPipelinePolicy> pipeline)
    {
        if (on && delay > TimeSpan.Zero) await Task.Delay(delay, message.CancellationToken).ConfigureAwait(false);
        await ProcessNextAsync(message, pipeline).ConfigureAwait(false);
    }

    public override void Process(HttpMessage message, ReadOnlyMemory<HttpPipelinePolicy> pipeline)
    {
        if (on && delay > TimeSpan.Zero) Thread.Sleep(delay);
        ProcessNext(message, pipeline);
    }

    /// <summary>Runs <paramref name="phase"/> with the delay on.</summary>
    public async Task<T> WithDelayAsync<T>(Func<Task<T>> phase)
    {
        On = true;
        try
        {
            return await phase().ConfigureAwait(false);
        }
        finally
        {
            On = false;
        }
    }
}

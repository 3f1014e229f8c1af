using NodaTime;

namespace AfterSales.Core.Tickets;

/// <summary>A stretch of time during which SLA clocks do not run; <see cref="End"/> is null while still paused.</summary>
public readonly record struct PauseInterval(Instant Start, Instant? End);

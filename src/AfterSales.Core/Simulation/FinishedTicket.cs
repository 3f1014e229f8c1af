namespace AfterSales.Core.Simulation;

/// <summary>
/// What a simulation keeps of a ticket once nothing can change it any more: enough for the summary and the
/// comparison, not its history, its clocks' runs or its step keys.
/// </summary>
/// <param name="TextsSent">Texts sent, indexed by <see cref="Texts.TextKind"/>.</param>
internal sealed record FinishedTicket(string TicketId, string Policy, FinishedClock[] Clocks, ProducedStep[] Steps, int[] TextsSent, int TextsHeld);

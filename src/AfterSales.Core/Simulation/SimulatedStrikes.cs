using AfterSales.Core.Events;
using AfterSales.Core.Settings;
using AfterSales.Core.ThreeStrikes;
using NodaTime;

namespace AfterSales.Core.Simulation;

/// <summary>
/// The three-strikes rule on the simulation's virtual clock: each opening is counted for its customer as ingestion does
/// (<see cref="ThreeStrikesCheck"/>), and each new flag becomes a step line at the opening's instant. Customers are kept
/// for the whole run (a handful of small records each), under the same hashed key as in storage.
/// </summary>
internal sealed class SimulatedStrikes(AfterSalesSettings settings)
{
    private readonly Dictionary<string, (List<CustomerTicket> Tickets, List<StrikeFlag> Flags)> customers = new(StringComparer.Ordinal);

    public IEnumerable<TimelineEntry> Opened(TicketOpened opened)
    {
        var rule = settings.ThreeStrikes;
        if (!rule.IsOn || !rule.Counts(opened.Category)) yield break;
        var key = CustomerKeys.For(opened.Customer.Id);
        if (!customers.TryGetValue(key, out var customer)) customers[key] = customer = ([], []);
        if (customer.Tickets.Any(t => t.TicketId == opened.TicketId)) yield break;
        customer.Tickets.Add(new CustomerTicket(opened.TicketId, opened.OccurredAt, opened.Category, opened.Team, opened.Summary));
        foreach (var flag in StrikeRule.NewFlags(customer.Tickets, customer.Flags, rule))
        {
            customer.Flags.Add(flag);
            var step = ThreeStrikesCheck.StepFor(settings, flag, customer.Tickets, opened.Customer.Name, opened.OccurredAt);
            var line = $"THREE STRIKES: {flag.Counted.Count} tickets of one customer in {(int)rule.Window.TotalDays} days ({string.Join(", ", flag.Counted)}) "
                + $"[{step.Level}] -> {step.Role} {step.Recipient ?? "(no address)"} ({step.Key})";
            yield return new TimelineEntry(opened.OccurredAt, step.TicketId, TimelineKind.Step, line, step);
        }
    }
}

using AfterSales.Core.Settings;
using NodaTime;

namespace AfterSales.Core.ThreeStrikes;

/// <summary>
/// Which tickets make a strike: a ticket that is at least the <c>Count</c>-th of the customer's counted tickets opened
/// within the window ending at its own opening. A strike is flagged unless another flag of the customer lies within a
/// window of it (before or after: a ticket that arrives late must not flag a window already flagged), so a customer is
/// flagged once per window whatever order the tickets arrive in. Pure: the same tickets and flags give the same answer.
/// </summary>
public static class StrikeRule
{
    public static IReadOnlyList<StrikeFlag> NewFlags(
        IReadOnlyCollection<CustomerTicket> tickets, IReadOnlyCollection<StrikeFlag> flags, ThreeStrikesSettings settings)
    {
        if (!settings.IsOn) return [];
        var counted = tickets.Where(t => settings.Counts(t.Category))
            .OrderBy(t => t.OpenedAt).ThenBy(t => t.TicketId, StringComparer.Ordinal).ToList();
        var raised = flags.Select(f => f.At).ToList();
        var result = new List<StrikeFlag>();
        for (var i = settings.Count - 1; i < counted.Count; i++)
        {
            var at = counted[i].OpenedAt;
            var window = counted.Take(i + 1).Where(t => t.OpenedAt > at - settings.Window).ToList();
            if (window.Count < settings.Count) continue;
            if (flags.Any(f => f.TicketId == counted[i].TicketId) || raised.Any(r => Abs(r - at) < settings.Window)) continue;
            result.Add(new StrikeFlag(counted[i].TicketId, at, [.. window.Select(t => t.TicketId)]));
            raised.Add(at);
        }

        return result;
    }

    private static Duration Abs(Duration d) => d < Duration.Zero ? -d : d;
}

using System.Globalization;
using AfterSales.Core.Events;
using NodaTime;
using NodaTime.Text;

namespace AfterSales.Core.ThreeStrikes;

/// <summary>
/// What a three-strikes step carries for its email (in the step's expectation, as a rating alert carries its rating):
/// the customer's name, the window, and one line per ticket counted. Tabs and line breaks in a summary become spaces.
/// </summary>
public static class StrikeListing
{
    public sealed record Listing(string CustomerName, Duration Window, IReadOnlyList<CustomerTicket> Tickets);

    public static string Write(string customerName, Duration window, IEnumerable<CustomerTicket> tickets) =>
        string.Join('\n', new[] { Clean(customerName), DurationPattern.Roundtrip.Format(window) }
            .Concat(tickets.Select(t => string.Join('\t',
                Clean(t.TicketId), InstantPattern.ExtendedIso.Format(t.OpenedAt), t.Category.ToString(), Clean(t.Team), Clean(t.Summary)))));

    /// <exception cref="InvalidDataException">The text is not a listing (a row edited by hand, say).</exception>
    public static Listing Read(string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        var lines = text.Split('\n');
        if (lines.Length < 2 || !DurationPattern.Roundtrip.Parse(lines[1]).TryGetValue(default, out var window))
            throw new InvalidDataException("the three-strikes step carries no ticket listing");
        var tickets = new List<CustomerTicket>();
        foreach (var line in lines.Skip(2))
        {
            var cells = line.Split('\t');
            if (cells.Length != 5 || !InstantPattern.ExtendedIso.Parse(cells[1]).TryGetValue(default, out var at)
                || !Enum.TryParse<TicketCategory>(cells[2], out var category))
                throw new InvalidDataException($"the three-strikes listing has an unreadable line: {line}");
            tickets.Add(new CustomerTicket(cells[0], at, category, cells[3], cells[4]));
        }

        return new Listing(lines[0], window, tickets);
    }

    private static string Clean(string text) => text.Replace('\t', ' ').Replace('\r', ' ').Replace('\n', ' ');

    internal static string Day(Instant at, DateTimeZone zone) => at.InZone(zone).Date.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);
}

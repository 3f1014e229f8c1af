using System.Globalization;
using AfterSales.Core.Events;
using NodaTime;

namespace AfterSales.MonthGenerator;

/// <summary>
/// A month (October 2026, National Day holiday included) of a helpdesk's ticket events, in time order, for <c>simulate</c> at scale: tickets opened
/// through the month mostly in working hours, P1–P4 and complaints in realistic shares, replies, waits for the
/// customer, promises, visits, resolutions, closes, a few reopens, and product deliveries. About 5.3 events a ticket.
/// Deterministic for a seed.
/// </summary>
public sealed class MonthOfTickets(int tickets, int seed)
{
    private static readonly DateTimeZone Shanghai = DateTimeZoneProviders.Tzdb["Asia/Shanghai"];
    private static readonly Offset ChinaOffset = Offset.FromHours(8);
    private static readonly string[] Teams = ["metro", "install", "Default"];
    private static readonly string[] Surnames = ["王", "李", "张", "刘", "陈", "杨", "赵", "黄", "周", "吴"];
    private static readonly string[] Given = ["伟", "芳", "娜", "敏", "静", "磊", "洋", "勇", "艳", "杰"];
    private readonly Random random = new(seed);

    public int Write(TextWriter output)
    {
        var start = new LocalDateTime(2026, 10, 1, 0, 0).InZoneLeniently(Shanghai).ToInstant();
        var events = new List<AfterSalesEvent>(tickets * 6);
        for (var i = 0; i < tickets; i++) events.AddRange(Ticket(i, start));
        // A stable sort keeps each ticket's own order for events at the same instant.
        var ordered = events.Select((e, index) => (e, index)).OrderBy(x => x.e.OccurredAt).ThenBy(x => x.index).Select(x => x.e);
        var count = 0;
        foreach (var e in ordered)
        {
            output.WriteLine(TicketEventWriter.ToJson(e, ChinaOffset));
            count++;
        }

        return count;
    }

    private IEnumerable<AfterSalesEvent> Ticket(int number, Instant monthStart)
    {
        var id = string.Create(CultureInfo.InvariantCulture, $"G-{number:D6}");
        var sequence = 0;
        string Next() => string.Create(CultureInfo.InvariantCulture, $"{id}-{++sequence}");
        var customer = new Customer(
            string.Create(CultureInfo.InvariantCulture, $"C-{random.Next(1, tickets / 2 + 2):D6}"),
            Surnames[random.Next(Surnames.Length)] + Given[random.Next(Given.Length)],
            string.Create(CultureInfo.InvariantCulture, $"+86138{random.Next(10_000_000, 99_999_999)}"),
            null, random.NextDouble() < 0.9 ? "zh-CN" : "en");
        var owner = new Person(string.Create(CultureInfo.InvariantCulture, $"E-{random.Next(1, 80):D3}"), "Agent", null);
        var opened = OpeningTime(monthStart);
        var (priority, category) = PriorityAndCategory();
        var team = Teams[random.Next(Teams.Length)];

        yield return new TicketOpened(Next(), id, opened, customer, TicketChannel.Phone, category, priority, null,
            random.NextDouble() < 0.5 ? string.Create(CultureInfo.InvariantCulture, $"INS-{number:D6}") : null, team, owner, "设备故障");

        var scale = priority switch { "P1" => 1, "P2" => 3, _ => 12 };
        var at = opened + Minutes(2, 40 * scale);
        if (random.NextDouble() < 0.03)
        {
            // Closed as a duplicate without a reply.
            yield return new TicketClosed(Next(), id, at);
            yield break;
        }

        yield return new AgentResponded(Next(), id, at, owner);
        if (random.NextDouble() < 0.25)
        {
            at += Minutes(10, 120);
            yield return new StatusChanged(Next(), id, at, TicketStatus.WaitingForCustomer);
            at += Minutes(30, 60 * 24);
            yield return new CustomerReplied(Next(), id, at);
        }

        if (random.NextDouble() < 0.2)
        {
            at += Minutes(5, 60);
            yield return new CommitmentMade(Next(), id, at, at + Minutes(60, 60 * 24), "回电");
        }

        if (random.NextDouble() < 0.2)
        {
            at += Minutes(5, 60);
            yield return new AppointmentScheduled(Next(), id, at, "A-1", at + Minutes(60 * 20, 60 * 72), "王师傅");
        }

        var updates = random.Next(0, 3);
        for (var u = 0; u < updates; u++)
        {
            at += Minutes(60, 60 * 6 * scale / 2 + 60);
            yield return new AgentResponded(Next(), id, at, owner);
        }

        at += Minutes(30, 60 * 8 * scale);
        yield return new TicketResolved(Next(), id, at, "已修复");
        if (random.NextDouble() < 0.05)
        {
            at += Minutes(60, 60 * 48);
            yield return new TicketReopened(Next(), id, at, "再次故障");
            at += Minutes(10, 60);
            yield return new AgentResponded(Next(), id, at, owner);
            at += Minutes(60, 60 * 24);
            yield return new TicketResolved(Next(), id, at, "已修复");
        }

        if (random.NextDouble() < 0.6) yield return new TicketClosed(Next(), id, at + Minutes(60 * 24, 60 * 72));
        if (random.NextDouble() < 0.05)
        {
            yield return new ProductDelivered(Next(), at + Minutes(60, 60 * 24 * 5), id, customer,
                string.Create(CultureInfo.InvariantCulture, $"SN-{number:D6}"), null);
        }
    }

    /// <summary>Mostly Monday to Friday 08:30–17:30, some evenings, nights and weekends.</summary>
    private Instant OpeningTime(Instant monthStart)
    {
        while (true)
        {
            var candidate = monthStart + Duration.FromMinutes(random.Next(0, 30 * 24 * 60));
            var local = candidate.InZone(Shanghai).LocalDateTime;
            var working = local.DayOfWeek is not (IsoDayOfWeek.Saturday or IsoDayOfWeek.Sunday) && local.Hour is >= 8 and < 18;
            if (working || random.NextDouble() < 0.15) return candidate;
        }
    }

    private (string Priority, TicketCategory Category) PriorityAndCategory()
    {
        var roll = random.NextDouble();
        return roll switch
        {
            < 0.03 => ("P1", TicketCategory.Repair),
            < 0.13 => ("P2", TicketCategory.Repair),
            < 0.28 => ("P3", TicketCategory.Complaint),
            < 0.43 => ("P4", TicketCategory.Inquiry),
            < 0.70 => ("P3", TicketCategory.Installation),
            _ => ("P3", TicketCategory.Repair),
        };
    }

    private Duration Minutes(int min, int max) => Duration.FromMinutes(random.Next(min, Math.Max(min + 1, max)));
}

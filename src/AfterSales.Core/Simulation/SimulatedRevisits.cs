using System.Globalization;
using AfterSales.Core.Events;
using AfterSales.Core.Revisits;
using AfterSales.Core.Settings;
using AfterSales.Core.Sla;
using AfterSales.Core.Texts;
using NodaTime;

namespace AfterSales.Core.Simulation;

/// <summary>
/// The revisit side of a simulation, with production's rules (<see cref="RevisitEnrolment"/>, <see cref="RevisitSchedule"/>,
/// <see cref="RevisitRun"/>): a delivery enrols its installation; each revisit date, at <see cref="RevisitSettings.SendAt"/>
/// in the customers' time zone, the customer's check-in text is offered to the send rules (quiet hours, budget) and the
/// revisit team gets one call list for the day. Outcomes are recorded through the admin endpoint, which events do not
/// carry, so a simulation shows none.
/// </summary>
internal sealed class SimulatedRevisits(AfterSalesSettings settings, TextSettings texts, RevisitSettings revisits, SimulatedTexts customerTexts)
{
    private readonly Dictionary<string, RevisitProgramme> programmes = new(StringComparer.Ordinal);
    // Sorted lists, not dictionaries: the earliest key is read at every step of the simulation (NextDue), and a sorted
    // dictionary's enumerator allocates a stack each time; a few thousand days at most are scheduled.
    private readonly SortedList<Instant, List<(RevisitProgramme Programme, int Number, LocalDate Date)>> visits = [];
    private readonly SortedList<Instant, List<CustomerText>> deferredTexts = [];
    /// <summary>Installations with a check-in text the budget held: they are looked at again when it may go.</summary>
    private readonly HashSet<string> heldPartitions = new(StringComparer.Ordinal);
    private readonly CustomerTextComposer composer = new(texts);

    /// <summary>The next instant something revisit-related happens: a day's revisits, a deferred text, a held text's retry.</summary>
    public Instant? NextDue
    {
        get
        {
            Instant? next = visits.Count == 0 ? null : visits.Keys[0];
            if (deferredTexts.Count > 0 && (next is null || deferredTexts.Keys[0] < next)) next = deferredTexts.Keys[0];
            foreach (var partition in heldPartitions)
                if (customerTexts.NextRetry(partition) is { } retry && (next is null || retry < next)) next = retry;
            return next;
        }
    }

    public IEnumerable<TimelineEntry> Enrol(DeliveryEvent delivery)
    {
        var line = $"{delivery.Type}: installation {delivery.InstallationId} delivered to {delivery.Customer.Name}";
        if (programmes.ContainsKey(delivery.InstallationId))
        {
            yield return Entry(delivery.OccurredAt, delivery, $"{line} (already enrolled in revisits: nothing changes)");
            yield break;
        }

        var programme = RevisitEnrolment.ProgrammeOf(delivery, texts.CustomerTimeZone);
        programmes[delivery.InstallationId] = programme;
        var dates = RevisitSchedule.Dates(programme.DeliveredOn, programme.ContractEndsOn, revisits);
        for (var i = 0; i < dates.Count; i++)
        {
            var at = (dates[i] + revisits.SendAt).InZoneLeniently(texts.CustomerTimeZone).ToInstant();
            if (!visits.TryGetValue(at, out var list)) visits[at] = list = [];
            list.Add((programme, i + 1, dates[i]));
        }

        var until = programme.ContractEndsOn is { } end ? $", contract ends {RevisitKeys.Day(end)}" : "";
        var plan = dates.Count == 0
            ? "no revisit falls before the contract ends"
            : $"{dates.Count} revisits, {RevisitKeys.Day(dates[0])} to {RevisitKeys.Day(dates[^1])} (every {revisits.EarlyEvery} month(s) for the first {revisits.EarlyMonths} months, then every {revisits.LaterEvery} month(s){until})";
        yield return Entry(delivery.OccurredAt, delivery, $"{line}; REVISITS enrolled: {plan}");
    }

    /// <summary>Everything revisit-related due at <paramref name="now"/>.</summary>
    public IEnumerable<TimelineEntry> Wake(Instant now)
    {
        if (heldPartitions.Count > 0)
        {
            foreach (var partition in heldPartitions.Order(StringComparer.Ordinal).ToList())
            {
                foreach (var retry in customerTexts.DueRetries(partition, now)) yield return Offer(retry, now);
                if (customerTexts.NextRetry(partition) is null) heldPartitions.Remove(partition);
            }
        }

        if (deferredTexts.TryGetValue(now, out var deferred))
        {
            deferredTexts.Remove(now);
            foreach (var text in deferred) yield return Offer(text, now);
        }

        if (!visits.TryGetValue(now, out var today)) yield break;
        visits.Remove(now);
        var ordered = today.OrderBy(v => v.Programme.CustomerName, StringComparer.Ordinal)
            .ThenBy(v => v.Programme.InstallationId, StringComparer.Ordinal).ToList();
        foreach (var (programme, number, date) in ordered)
        {
            yield return new TimelineEntry(now, programme.InstallationId, TimelineKind.Revisit,
                $"REVISIT #{number.ToString(CultureInfo.InvariantCulture)} of {programme.InstallationId} for {programme.CustomerName} (delivered {RevisitKeys.Day(programme.DeliveredOn)}): the team calls today");
            if (CheckInText(programme, date, now) is not { } text) continue;
            if (text.SendAt <= now) yield return Offer(text, now);
            else
            {
                if (!deferredTexts.TryGetValue(text.SendAt, out var later)) deferredTexts[text.SendAt] = later = [];
                later.Add(text);
            }
        }

        var day = ordered[0].Date;
        var to = settings.Escalation.AddressFor(settings.Escalation.DefaultTeam, EscalationRoles.RevisitTeam) ?? "(no address)";
        var calls = string.Join(", ", ordered.Select(v => $"{v.Programme.CustomerName} {v.Programme.InstallationId} #{v.Number.ToString(CultureInfo.InvariantCulture)}"));
        yield return new TimelineEntry(now, "revisits", TimelineKind.RevisitCallList,
            $"CALL LIST {RevisitKeys.Day(day)} -> {EscalationRoles.RevisitTeam} {to} ({RevisitKeys.CallList(day)}): {ordered.Count.ToString(CultureInfo.InvariantCulture)} call(s): {calls}");
    }

    private TimelineEntry Offer(CustomerText text, Instant now)
    {
        var entry = customerTexts.Offer(text, now);
        if (entry.Kind == TimelineKind.TextHeld && customerTexts.NextRetry(text.TicketId) is not null) heldPartitions.Add(text.TicketId);
        return entry;
    }

    /// <summary>The same check-in text <see cref="RevisitRun"/> puts in the outbox.</summary>
    private CustomerText? CheckInText(RevisitProgramme programme, LocalDate date, Instant now) => composer.Compose(
        RevisitKeys.Text(programme.InstallationId, date), RevisitKeys.OutboxPartition(programme.InstallationId), TextKind.Revisit,
        new Customer(programme.CustomerId, programme.CustomerName, programme.Phone, programme.Email, programme.Locale, programme.TimeZone), null, now,
        new Dictionary<string, string>(StringComparer.Ordinal) { [TextPlaceholders.Installation] = programme.InstallationId });

    private static TimelineEntry Entry(Instant at, DeliveryEvent delivery, string text) =>
        new(at, delivery.TicketId ?? delivery.InstallationId, TimelineKind.Received, text);
}

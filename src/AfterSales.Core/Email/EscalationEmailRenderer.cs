using AfterSales.Core.Calendars;
using AfterSales.Core.Settings;
using AfterSales.Core.Sla;
using AfterSales.Core.Tickets;
using NodaTime;
using NodaTime.Text;

namespace AfterSales.Core.Email;

/// <summary>
/// Turns one escalation step into the email its recipient reads in ten seconds: which ticket and customer, which
/// promise was missed and by how much (working and calendar time), who owns it, what to do now, who else was
/// already told, the recent history and one link to the ticket.
/// </summary>
public sealed class EscalationEmailRenderer(AfterSalesSettings settings, SlaEngine engine)
{
    private const int HistoryLines = 6;
    private static readonly ZonedDateTimePattern TimePattern =
        ZonedDateTimePattern.CreateWithInvariantCulture("MM-dd HH:mm", DateTimeZoneProviders.Tzdb);

    /// <param name="alreadyTold">Earlier steps of the ticket (this one excluded), as the outbox holds them.</param>
    /// <exception cref="InvalidOperationException">The step has no recipient address.</exception>
    public EmailMessage Render(TicketHistory history, EscalationStep step, IReadOnlyList<EscalationStep> alreadyTold, Instant now)
    {
        var content = Content(history, step, alreadyTold, now);
        var to = step.Recipient ?? throw new InvalidOperationException($"No address for role {step.Role}: set Escalation__Teams__{settings.Escalation.DefaultTeam}__{step.Role}.");
        return new EmailMessage(to, content.Subject, EmailHtml.Write(content), EmailPlainText.Write(content), step.TicketId, step.Key);
    }

    /// <summary>
    /// The emails of the policy rules that read no ticket history (a three-strikes flag, a calendar running out): their
    /// step carries what they say. Null for any other step.
    /// </summary>
    /// <exception cref="InvalidOperationException">The step has no recipient address.</exception>
    /// <exception cref="InvalidDataException">A three-strikes step without its ticket listing.</exception>
    public EmailMessage? RenderRuleNotice(EscalationStep step, Instant now)
    {
        ArgumentNullException.ThrowIfNull(step);
        return step.ClockId switch
        {
            ThreeStrikes.ThreeStrikesCheck.ClockId => ThreeStrikesEmail.Compose(step, settings.Email, DisplayZone),
            Application.CalendarCoverageNotice.ClockId => CalendarCoverageEmail.Compose(step, settings.Email, now),
            _ => null,
        };
    }

    /// <summary>The zone managers read times in: the business calendar's, UTC without one.</summary>
    private DateTimeZone DisplayZone =>
        settings.Calendars.TryGetValue("Business", out var business) ? business.Zone : DateTimeZone.Utc;

    public EscalationEmailContent Content(TicketHistory history, EscalationStep step, IReadOnlyList<EscalationStep> alreadyTold, Instant now)
    {
        var texts = EmailTexts.For(settings.Email.Locale);
        var facts = new TicketFacts(history, now);
        var policy = engine.PolicyFor(facts);
        var calendar = engine.CalendarOf(step, policy is null ? BusinessCalendar.TwentyFourSeven() : engine.CalendarOf(policy));
        var zone = calendar.Is24x7 && settings.Calendars.TryGetValue("Business", out var business) ? business.Zone : calendar.Zone;
        string Time(Instant i) => TimePattern.Format(i.InZone(zone));

        var priority = facts.Priority ?? "?";
        var customer = facts.Opened?.Customer;
        var owner = facts.Owner?.Name ?? "?";
        var promise = texts.Promised(step.Clock, step.Trigger);
        var (tag, lateness) = Lateness(step, calendar, facts, now, texts);

        var subject = $"[{priority} · {tag}] #{step.TicketId} {promise} — {customer?.Name ?? "?"} — {texts.OwnerLabel} {owner}";
        var title = texts.Locale == "en"
            ? $"#{step.TicketId} {promise} {texts.Headline(step.Trigger)}".TrimEnd()
            : $"#{step.TicketId} {promise}{texts.Headline(step.Trigger)}";

        var factRows = new List<(string, string)>
        {
            (texts.Customer, customer is null ? "?" : customer.Phone is { } phone ? $"{customer.Name} · {phone}" : customer.Name),
            (texts.Priority, policy is null || policy.Name == priority ? priority : $"{priority} ({policy.Name})"),
            (texts.Promise, promise),
        };
        if (step.Deadline is { } deadline) factRows.Add((texts.Deadline, Time(deadline)));
        if (lateness is { } late) factRows.Add(late);
        factRows.Add((texts.Owner, facts.Owner?.Email is { } ownerEmail ? $"{owner} <{ownerEmail}>" : owner));
        factRows.Add((texts.Level, $"{step.Level} → {texts.Role(step.Role)}"));
        if (step.ClockId == MajorIncidentPlanner.ChainClockId) factRows.AddRange(MajorIncidentFacts.Rows(facts, engine.Assess(history, now), settings.MajorIncident, texts, Time, now));

        var told = alreadyTold.Where(s => s.Key != step.Key).OrderBy(s => s.DueAt).ThenBy(s => s.Key, StringComparer.Ordinal)
            .Select(s => $"{Time(s.DueAt)} · {texts.Role(s.Role)} {s.Recipient ?? ""} · {s.Level}".TrimEnd())
            .ToList();
        if (told.Count == 0) told.Add(texts.NobodyYet);

        var recent = history.Events.Where(e => e.OccurredAt <= now).TakeLast(HistoryLines).Reverse()
            .Select(e => (Time(e.OccurredAt), texts.Describe(e, Time)))
            .ToList();

        return new EscalationEmailContent(
            texts.Locale, subject, $"{priority} · {tag} · {texts.Role(step.Role)}", Accent(step.Trigger), title,
            $"{customer?.Name ?? "?"} — {facts.Opened?.Summary ?? ""}",
            texts.DoNow, LadderExpectations.For(step.Expectation, texts.Locale), factRows,
            settings.Email.TicketLink(step.TicketId), texts.OpenTicket(step.TicketId),
            texts.AlreadyTold, told, texts.RecentHistory, recent, texts.Footer(step.Key));
    }

    /// <summary>
    /// The subject tag (<c>overdue 25 min</c>) and the fact row that spells it out: in the policy's working time, with
    /// calendar time beside it where the two differ (a weekend or a night in between).
    /// </summary>
    private static (string Tag, (string, string)? Row) Lateness(EscalationStep step, BusinessCalendar calendar, TicketFacts facts, Instant now, EmailTexts texts)
    {
        string Tagged(Duration working, Duration span) => calendar.Is24x7 ? texts.Span(span) : texts.WorkingSpan(working);
        string Both(Duration working, Duration span) =>
            calendar.Is24x7 || working == span ? texts.Span(span) : texts.LateByValue(texts.WorkingSpan(working), texts.Span(span));

        switch (step.Trigger)
        {
            case LadderTrigger.Breach when step.Deadline is { } deadline:
            {
                var calendarLate = now > deadline ? now - deadline : Duration.Zero;
                var workingLate = now > deadline ? calendar.WorkingTimeBetween(deadline, now) : Duration.Zero;
                // Sent right at the deadline there is no lateness worth a row: the banner says "just overdue".
                if (calendarLate < Duration.FromMinutes(1)) return (texts.JustOverdue, null);
                return (texts.Overdue(Tagged(workingLate, calendarLate)), (texts.LateBy, Both(workingLate, calendarLate)));
            }
            case LadderTrigger.Warning when step.Deadline is { } deadline:
            {
                var left = deadline > now ? deadline - now : Duration.Zero;
                var workingLeft = deadline > now ? calendar.WorkingTimeBetween(now, deadline) : Duration.Zero;
                return (texts.DueIn(Tagged(workingLeft, left)), (texts.TimeLeft, Both(workingLeft, left)));
            }
            case LadderTrigger.Unresolved:
            {
                var start = facts.CurrentCycle?.Start ?? step.TriggeredAt;
                var open = now - start;
                var workingOpen = calendar.WorkingTimeBetween(start, now);
                return (texts.OpenFor(texts.Span(open)), (texts.UnresolvedFor, Both(workingOpen, open)));
            }
            default:
                return (texts.Opened, null);
        }
    }

    private static string Accent(LadderTrigger trigger) => trigger switch
    {
        LadderTrigger.Warning => "#b45309",
        LadderTrigger.Opened => "#7f1d1d",
        LadderTrigger.Unresolved => "#6b21a8",
        _ => "#b91c1c",
    };
}

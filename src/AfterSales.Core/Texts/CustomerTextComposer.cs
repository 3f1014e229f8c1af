using AfterSales.Core.Events;
using NodaTime;

namespace AfterSales.Core.Texts;

/// <summary>Turns an occasion into a <see cref="CustomerText"/>: the customer's locale and template, quiet hours, budget exemption.</summary>
public sealed class CustomerTextComposer(TextSettings settings)
{
    /// <summary>The priority whose news is exempt from the contact budget and from holiday quiet hours.</summary>
    public const string CriticalPriority = "P1";

    public TextSettings Settings { get; } = settings;

    public string LocaleOf(Customer customer) => Settings.Templates.LocaleFor(customer.Locale);

    /// <summary>The customer's own time zone when the helpdesk sent one, otherwise <c>Texts__CustomerTimeZone</c>.</summary>
    public DateTimeZone ZoneOf(Customer customer) => CustomerZones.Of(customer.TimeZone, Settings.CustomerTimeZone);

    /// <summary>A local time as the customer reads it, in the customer's time zone.</summary>
    public string LocalTime(Instant instant, Customer customer) => TextTemplates.FormatLocal(instant, ZoneOf(customer), LocaleOf(customer));

    /// <returns>Null when the customer has no phone number.</returns>
    public CustomerText? Compose(
        string key, string ticketId, TextKind kind, Customer customer, string? priority, Instant dueAt,
        IReadOnlyDictionary<string, string> values)
    {
        if (customer.Phone is not { } phone) return null;
        var isP1 = string.Equals(priority, CriticalPriority, StringComparison.Ordinal);
        var locale = LocaleOf(customer);
        var all = new Dictionary<string, string>(values, StringComparer.Ordinal) { [TextPlaceholders.CustomerName] = customer.Name };
        var text = TextRendering.Render(Settings.Templates.For(kind, locale), all);
        var sendAt = SendAt(customer, priority, dueAt);
        var exempt = TextKinds.IsAlwaysExempt(kind) || (isP1 && kind is TextKind.Progress or TextKind.Apology);
        return new CustomerText(key, ticketId, kind, dueAt, sendAt, exempt, customer.Id, phone, customer.Email, locale, text, customer.TimeZone);
    }

    /// <summary><paramref name="dueAt"/> deferred out of the customer's quiet hours (a P1's news is not held by holidays): when the text goes out.</summary>
    public Instant SendAt(Customer customer, string? priority, Instant dueAt) =>
        Settings.QuietHours.NextAllowed(dueAt, ZoneOf(customer), string.Equals(priority, CriticalPriority, StringComparison.Ordinal));

    /// <summary>The signed link of survey <paramref name="survey"/> of a ticket, valid for the token lifetime from <paramref name="surveyDueAt"/>.</summary>
    public string SurveyLink(string ticketId, int survey, Instant surveyDueAt) =>
        Settings.SurveyLinkBase + Settings.SurveyTokens().Issue(ticketId, survey, surveyDueAt + Settings.SurveyTokenLifetime);
}

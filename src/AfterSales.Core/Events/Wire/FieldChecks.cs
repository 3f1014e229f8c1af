using AfterSales.Core.Sla;
using AfterSales.Core.Texts;
using NodaTime;

namespace AfterSales.Core.Events.Wire;

/// <summary>
/// Checks wire fields while the domain event is built. The first failure is kept and later checks
/// return placeholders, so mapping code reads top to bottom without a branch per field.
/// </summary>
/// <param name="checkValues">
/// False for events AfterSales stored: they were valid when accepted, so ids, phone numbers, emails, locales and
/// time zones are not checked again (a rule or libphonenumber's metadata may have changed since), only the shape.
/// </param>
/// <remarks>Messages never quote a phone number or an email address in full: they reach logs, lists and emails.</remarks>
internal sealed class FieldChecks(string eventType, IReadOnlySet<string>? knownPriorities, Instant now, EventTimeWindow window, bool checkValues = true)
{
    private const string DefaultLocale = "zh-CN";

    public EventRejection? Rejection { get; private set; }

    public string Required(string? value, string field)
    {
        if (value is null)
        {
            Fail(RejectionReason.MissingField, field, $"{field} is missing; {eventType} requires it");
            return "";
        }

        NotBlank(value, field);
        return value;
    }

    /// <summary>An optional identifier: may be absent or null, but not empty, and an id (<see cref="ExternalIds"/>).</summary>
    public string? OptionalId(string? value, string field)
    {
        if (value is not null)
        {
            NotBlank(value, field);
            IdRules(value, field);
        }

        return value;
    }

    /// <summary>A required identifier (<see cref="ExternalIds"/>).</summary>
    public string RequiredId(string? value, string field)
    {
        var id = Required(value, field);
        if (value is not null) IdRules(id, field);
        return id;
    }

    public Instant OccurredAt(DateTimeOffset? value)
    {
        var occurredAt = RequiredTime(value, "occurredAt");
        if (value is null) return occurredAt;
        if (occurredAt > now + window.MaxFutureSkew)
        {
            Fail(RejectionReason.FutureTime, "occurredAt",
                $"occurredAt {occurredAt} is more than {DurationText.Format(window.MaxFutureSkew)} ahead of the service clock ({now})");
        }
        else if (occurredAt < now - window.MaxPastAge)
        {
            Fail(RejectionReason.PastTime, "occurredAt",
                $"occurredAt {occurredAt} is more than {DurationText.Format(window.MaxPastAge)} before the service clock ({now}); a sender's default date?");
        }

        return occurredAt;
    }

    /// <summary>A time something is planned for (a visit, a promise): not before the past window, not beyond <see cref="EventTimeWindow.MaxScheduleAhead"/>.</summary>
    public Instant ScheduledTime(DateTimeOffset? value, string field)
    {
        var at = RequiredTime(value, field);
        if (value is null) return at;
        if (at > now + window.MaxScheduleAhead)
        {
            Fail(RejectionReason.FutureTime, field,
                $"{field} {at} is more than {DurationText.Format(window.MaxScheduleAhead)} ahead of the service clock ({now})");
        }
        else if (at < now - window.MaxPastAge)
        {
            Fail(RejectionReason.PastTime, field, $"{field} {at} is more than {DurationText.Format(window.MaxPastAge)} before the service clock ({now})");
        }

        return at;
    }

    public Instant RequiredTime(DateTimeOffset? value, string field)
    {
        if (value is null)
        {
            Fail(RejectionReason.MissingField, field, $"{field} is missing; {eventType} requires it");
            return default;
        }

        return Instant.FromDateTimeOffset(value.Value);
    }

    public Instant ScheduledTimeNotBefore(DateTimeOffset? value, string field, Instant earliest, string earliestField)
    {
        var time = ScheduledTime(value, field);
        if (value is not null && time < earliest)
        {
            Fail(RejectionReason.InvalidValue, field, $"{field} {time} is before {earliestField} {earliest}");
        }

        return time;
    }

    public TEnum Required<TEnum>(string? value, string field, WireVocabulary<TEnum> vocabulary)
        where TEnum : struct, Enum
    {
        var text = Required(value, field);
        if (vocabulary.TryParse(text, out var parsed))
        {
            return parsed;
        }

        if (value is not null)
        {
            Fail(RejectionReason.InvalidValue, field, $"{field} {Quote(text)} is not one of {vocabulary.Listing}");
        }

        return default;
    }

    public string Priority(string? value)
    {
        const string field = "priority";
        var priority = Required(value, field);
        if (value is not null && knownPriorities is not null && !knownPriorities.Contains(priority))
        {
            var known = string.Join(", ", knownPriorities.Order(StringComparer.Ordinal));
            Fail(RejectionReason.UnknownPriority, field, $"{field} {Quote(priority)} is not a configured priority (known: {known})");
        }

        return priority;
    }

    public Customer Customer(CustomerDto? dto, string field)
    {
        if (dto is null)
        {
            Fail(RejectionReason.MissingField, field, $"{field} is missing; {eventType} requires it");
            return new Customer("", "", null, null, DefaultLocale);
        }

        return new Customer(
            RequiredId(dto.Id, $"{field}.id"),
            Required(dto.Name, $"{field}.name"),
            Phone(dto.Phone, $"{field}.phone"),
            Email(dto.Email, $"{field}.email"),
            Locale(dto.Locale, $"{field}.locale"),
            TimeZone(dto.TimeZone, $"{field}.timeZone"));
    }

    public Person Person(PersonDto? dto, string field)
    {
        if (dto is null)
        {
            Fail(RejectionReason.MissingField, field, $"{field} is missing; {eventType} requires it");
            return new Person("", "", null);
        }

        return new Person(RequiredId(dto.Id, $"{field}.id"), Required(dto.Name, $"{field}.name"), Email(dto.Email, $"{field}.email"));
    }

    public Person? OptionalPerson(PersonDto? dto, string field) => dto is null ? null : Person(dto, field);

    private string? Phone(string? value, string field)
    {
        if (checkValues && value is not null && !E164.IsCanonical(value, out var canonical))
        {
            var hint = canonical is null ? "such as +8613800138000" : "(a valid number with separators: write it as + and the digits only)";
            Fail(RejectionReason.InvalidPhone, field, $"{field} {Quote(CustomerPhones.Mask(value))} is not an E.164 phone number {hint}");
        }

        return value;
    }

    private string? Email(string? value, string field)
    {
        if (checkValues && value is not null && !EmailAddresses.IsPlainAddress(value))
        {
            Fail(RejectionReason.InvalidEmail, field, $"{field} {Quote(EmailAddresses.Mask(value))} is not a plain email address such as zhang.wei@example.com");
        }

        return value;
    }

    private string Locale(string? value, string field)
    {
        if (value is null)
        {
            return DefaultLocale;
        }

        if (checkValues && !CultureTags.IsKnown(value))
        {
            Fail(RejectionReason.InvalidValue, field, $"{field} {Quote(value)} is not a known culture tag such as zh-CN or en");
        }

        return value;
    }

    private string? TimeZone(string? value, string field)
    {
        if (checkValues && value is not null && NodaTime.DateTimeZoneProviders.Tzdb.GetZoneOrNull(value) is null)
        {
            Fail(RejectionReason.InvalidValue, field, $"{field} {Quote(value)} is not an IANA time zone such as Asia/Shanghai or Europe/Berlin");
        }

        return value;
    }

    private void NotBlank(string value, string field)
    {
        if (string.IsNullOrWhiteSpace(value))
        {
            Fail(RejectionReason.InvalidValue, field, $"{field} is empty");
        }
    }

    private void IdRules(string value, string field)
    {
        if (checkValues && !string.IsNullOrWhiteSpace(value) && ExternalIds.Problem(value) is { } problem)
        {
            Fail(RejectionReason.InvalidId, field, $"{field} {Quote(value)} {problem}");
        }
    }

    /// <summary>The optional sender's order: absent, or a non-negative integer.</summary>
    public long? Sequence(long? value)
    {
        if (value < 0) Fail(RejectionReason.InvalidValue, "sequence", $"sequence {value} is negative; it counts up from 0 in the order the helpdesk sent its events");
        return value;
    }

    private void Fail(RejectionReason reason, string field, string message) =>
        Rejection ??= new EventRejection(reason, field, message);

    internal static string Quote(string value) =>
        value.Length <= 80 ? $"'{value}'" : $"'{value[..77]}...'";
}

using NodaTime;

namespace AfterSales.Core.Revisits;

/// <summary>
/// An installation enrolled in the revisit programme by its delivery or handover. The first delivery event of an
/// installation enrols it; a later one (a handover after the product delivery) changes nothing.
/// </summary>
/// <param name="DeliveredOn">The customer's local date of the delivery: every revisit date is counted from it.</param>
/// <param name="Phone">E.164 from the event, or null; never log it in full.</param>
/// <param name="EndedBecause">Set once the programme ended early (the customer opted out); no revisit follows.</param>
/// <param name="TimeZone">The customer's IANA zone from the delivery event, or null (<c>Texts__CustomerTimeZone</c>).</param>
public sealed record RevisitProgramme(
    string InstallationId,
    string CustomerId,
    string CustomerName,
    string? Phone,
    string? Email,
    string Locale,
    LocalDate DeliveredOn,
    LocalDate? ContractEndsOn,
    string EnrolledByEventId,
    string? EndedBecause = null,
    string? TimeZone = null);

namespace AfterSales.Core.Events;

/// <summary>The customer of a ticket. Phone is E.164, locale a BCP 47 tag (zh-CN, en).</summary>
/// <param name="TimeZone">The customer's IANA time zone (quiet hours, times in texts); null: <c>Texts__CustomerTimeZone</c> applies.</param>
public sealed record Customer(string Id, string Name, string? Phone, string? Email, string Locale, string? TimeZone = null);

/// <summary>A person on the company's side (ticket owner, agent).</summary>
public sealed record Person(string Id, string Name, string? Email);

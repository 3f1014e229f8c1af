namespace AfterSales.Core.Events;

/// <summary>The customer of a ticket. Phone is E.164, locale a BCP 47 tag (zh-CN, en).</summary>
public sealed record Customer(string Id, string Name, string? Phone, string? Email, string Locale);

/// <summary>A person on the company's side (ticket owner, agent).</summary>
public sealed record Person(string Id, string Name, string? Email);

namespace AfterSales.Core.Events.Wire;

internal sealed class CustomerDto
{
    public string? Id { get; set; }
    public string? Name { get; set; }
    public string? Phone { get; set; }
    public string? Email { get; set; }
    public string? Locale { get; set; }
    public string? TimeZone { get; set; }
}

internal sealed class PersonDto
{
    public string? Id { get; set; }
    public string? Name { get; set; }
    public string? Email { get; set; }
}

using System.Text.Json.Serialization;

namespace AfterSales.Functions.Http;

/// <summary>A rating through the survey link: recorded (ticket and rating), or not and why.</summary>
public sealed record SurveyAnswer(
    bool Recorded,
    [property: JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)] string? TicketId = null,
    [property: JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)] int? Rating = null,
    [property: JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)] string? Error = null);

using System.Text.Encodings.Web;
using System.Text.Json;
using AfterSales.Core.Events.Wire;
using NodaTime;

namespace AfterSales.Core.Events;

/// <summary>Writes a domain event as contract JSON; <see cref="TicketEventParser"/> reads it back to an equal event.</summary>
public static class TicketEventWriter
{
    // The default encoder escapes '+' and every non-ASCII character, which turns +8613800138000 and 张伟
    // into \u escapes. Contract JSON goes to queues and files, never into HTML, so the relaxed encoder is safe.
    private static readonly EventJsonContext Context = new(new JsonSerializerOptions(EventJsonContext.Default.Options)
    {
        Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping,
    });

    /// <summary>Times are written in UTC (<c>+00:00</c>).</summary>
    public static string ToJson(AfterSalesEvent evt) => ToJson(evt, Offset.Zero);

    /// <summary>Times are written at <paramref name="offset"/>, e.g. <c>+08:00</c> for China Standard Time.</summary>
    public static string ToJson(AfterSalesEvent evt, Offset offset)
    {
        ArgumentNullException.ThrowIfNull(evt);
        var dto = DomainToWire.ToDto(evt, offset);
        return JsonSerializer.Serialize(dto, dto.GetType(), Context);
    }
}

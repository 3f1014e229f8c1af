namespace AfterSales.Core.Texts;

/// <summary>A text ready to send, with its size as an SMS.</summary>
public sealed record RenderedText(string Body, SmsSize Size)
{
    /// <summary>Every text must fit two segments (SPEC).</summary>
    public const int MaxSegments = 2;

    public bool FitsLimit => Size.Segments <= MaxSegments;
}

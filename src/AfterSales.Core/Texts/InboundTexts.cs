
namespace AfterSales.Core.Texts;

/// <summary>
/// Handles a customer's text (its signature already checked by the provider adapter): STOP / 退订 / TD blocks
/// every future text to the number at once, START resumes, 1–5 rates the latest open survey.
/// </summary>
public sealed class InboundTexts(IOptOuts optOuts, SurveyResponses surveys)
{
    public async Task<InboundResult> HandleAsync(InboundText text, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(text);
        if (!CustomerPhones.TryNormalise(text.From, null, out var number, out _)) return new InboundResult(InboundOutcome.InvalidSender);

        var reply = InboundKeywords.Read(text.Body);
        switch (reply.Intent)
        {
            case InboundIntent.Stop or InboundIntent.Start:
                var stop = reply.Intent == InboundIntent.Stop;
                var changed = await optOuts.SetAsync(number, stop, text.ReceivedAt, text.Body.Trim(), cancellationToken).ConfigureAwait(false);
                return new InboundResult(!changed ? InboundOutcome.Superseded : stop ? InboundOutcome.OptedOut : InboundOutcome.OptedIn);
            case InboundIntent.Rating:
                var recorded = await surveys.RateByReplyAsync(number, reply.Rating!.Value, text.ReceivedAt, cancellationToken).ConfigureAwait(false);
                return recorded is null ? new InboundResult(InboundOutcome.RatingWithoutSurvey) : new InboundResult(InboundOutcome.Rated, recorded);
            default:
                return new InboundResult(InboundOutcome.NotACommand);
        }
    }
}

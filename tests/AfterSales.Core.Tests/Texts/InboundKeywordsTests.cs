using AfterSales.Core.Texts;

namespace AfterSales.Core.Tests.Texts;

public class InboundKeywordsTests
{
    [Theory]
    [InlineData("STOP")]
    [InlineData("stop")]
    [InlineData("  Stop \n")]
    [InlineData("退订")]
    [InlineData(" 退订 ")]
    [InlineData("TD")]
    [InlineData("td")]
    [InlineData("Td")]
    [InlineData("ＳＴＯＰ")]
    [InlineData("\u3000ＴＤ\u3000")]
    public void Stop_and_its_synonyms_stop_texts(string body)
    {
        Assert.Equal(InboundIntent.Stop, InboundKeywords.Read(body).Intent);
    }

    [Theory]
    [InlineData("STOPALL")]
    [InlineData("unsubscribe")]
    [InlineData("Cancel")]
    [InlineData("END")]
    [InlineData(" quit ")]
    public void Twilios_standard_opt_out_words_stop_texts_as_twilio_itself_blocks_the_number(string body)
    {
        Assert.Equal(InboundIntent.Stop, InboundKeywords.Read(body).Intent);
    }

    [Theory]
    [InlineData("START")]
    [InlineData(" start ")]
    [InlineData("UNSTOP")]
    [InlineData("yes")]
    public void Start_and_twilios_other_opt_in_words_resume_texts(string body)
    {
        Assert.Equal(InboundIntent.Start, InboundKeywords.Read(body).Intent);
    }

    [Theory]
    [InlineData("1", 1)]
    [InlineData(" 5 ", 5)]
    [InlineData("３", 3)]
    public void A_digit_from_one_to_five_is_a_rating(string body, int rating)
    {
        Assert.Equal(new InboundReply(InboundIntent.Rating, rating), InboundKeywords.Read(body));
    }

    [Theory]
    [InlineData(null)]
    [InlineData("")]
    [InlineData("0")]
    [InlineData("6")]
    [InlineData("10")]
    [InlineData("please stop calling me at work")]
    [InlineData("STOPPED")]
    [InlineData("T D")]
    [InlineData("退订了吗")]
    [InlineData("cancel my appointment please")]
    [InlineData("yes please come tomorrow")]
    public void Anything_else_is_not_a_command(string? body)
    {
        Assert.Equal(InboundReply.Other, InboundKeywords.Read(body));
    }
}

using AfterSales.Core.Texts;

namespace AfterSales.Core.Tests.Texts;

public class SmsSegmentsTests
{
    private static string Repeat(char c, int count) => new(c, count);

    [Theory]
    [InlineData(0, 0)]
    [InlineData(1, 1)]
    [InlineData(160, 1)]
    [InlineData(161, 2)]
    [InlineData(306, 2)]
    [InlineData(307, 3)]
    public void Gsm7_fits_160_septets_in_one_segment_and_153_in_each_of_several(int length, int segments)
    {
        var size = SmsSegments.Measure(Repeat('a', length));

        Assert.Equal((SmsEncoding.Gsm7, length, segments), (size.Encoding, size.Units, size.Segments));
    }

    [Fact]
    public void Extension_characters_take_two_septets()
    {
        Assert.Equal(new SmsSize(SmsEncoding.Gsm7, 160, 1), SmsSegments.Measure(Repeat('a', 158) + "€"));
        Assert.Equal(new SmsSize(SmsEncoding.Gsm7, 161, 2), SmsSegments.Measure(Repeat('a', 159) + "€"));
        Assert.Equal(18, SmsSegments.Measure("^{}\\[~]|€").Units);
    }

    [Fact]
    public void An_escape_pair_is_never_split_across_segments()
    {
        // 306 septets would fit two segments of 153, but the € cannot straddle the boundary.
        var size = SmsSegments.Measure(Repeat('a', 152) + "€" + Repeat('a', 152));

        Assert.Equal(new SmsSize(SmsEncoding.Gsm7, 306, 3), size);
    }

    [Fact]
    public void Gsm7_covers_its_accented_letters_but_one_character_outside_makes_the_whole_text_ucs2()
    {
        Assert.Equal(SmsEncoding.Gsm7, SmsSegments.Measure("Ç'est déjà là: Ñandù £5 ¥6 @home §1 ¿què? ¡sì! Ωmega Äö ß").Encoding);
        Assert.Equal(new SmsSize(SmsEncoding.Ucs2, 3, 1), SmsSegments.Measure("ça!"));
        Assert.Equal(new SmsSize(SmsEncoding.Ucs2, 161, 3), SmsSegments.Measure(Repeat('a', 160) + "中"));
    }

    [Theory]
    [InlineData(70, 1)]
    [InlineData(71, 2)]
    [InlineData(134, 2)]
    [InlineData(135, 3)]
    public void Ucs2_fits_70_code_units_in_one_segment_and_67_in_each_of_several(int length, int segments)
    {
        Assert.Equal(new SmsSize(SmsEncoding.Ucs2, length, segments), SmsSegments.Measure(Repeat('中', length)));
    }

    [Fact]
    public void An_emoji_counts_two_code_units_and_is_never_split()
    {
        Assert.Equal(new SmsSize(SmsEncoding.Ucs2, 71, 2), SmsSegments.Measure(Repeat('中', 69) + "😀"));
        Assert.Equal(new SmsSize(SmsEncoding.Ucs2, 134, 3), SmsSegments.Measure(Repeat('中', 66) + "😀" + Repeat('中', 66)));
    }
}

using CsCheck;
using Portal.Core.Text;

namespace Portal.Core.Tests;

public class ItalianNumbersTests
{
    [Theory]
    [InlineData("1234,56", 1234.56)]
    [InlineData("1.234,56", 1234.56)]
    [InlineData("1.234.567,8", 1234567.8)]
    [InlineData("0", 0)]
    [InlineData("0,00", 0)]
    [InlineData("15748,78", 15748.78)]
    [InlineData("€ 1.234,56", 1234.56)]
    [InlineData("1234.56", 1234.56)]
    [InlineData("1.234", 1234)]
    [InlineData(" 500 ", 500)]
    public void Accepts_the_ways_people_write_amounts(string text, double expected)
    {
        Assert.True(ItalianNumbers.TryParseEuro(text, out var value));
        Assert.Equal((decimal)expected, value);
    }

    [Theory]
    [InlineData("")]
    [InlineData("abc")]
    [InlineData("1,2,3")]
    [InlineData("12.34.5,00")]
    [InlineData("1,234")]
    [InlineData("1.23,4")]
    [InlineData(null)]
    public void Refuses_what_is_not_an_amount_in_euro(string? text)
    {
        Assert.False(ItalianNumbers.TryParseEuro(text, out _));
    }
}

public class ItalianNumbersProperties
{
    [Fact]
    public void Any_amount_written_the_italian_way_or_plain_parses_back_to_itself()
    {
        Gen.Long[0, 99_999_999_999L].Select(cents => cents / 100m).Sample(amount =>
        {
            var italian = amount.ToString("#,##0.00", Portal.Core.Time.RomeTime.Italian);
            var plain = amount.ToString("0.00", Portal.Core.Time.RomeTime.Italian);
            return ItalianNumbers.TryParseEuro(italian, out var a) && a == amount
                && ItalianNumbers.TryParseEuro(plain, out var b) && b == amount
                && ItalianNumbers.TryParseEuro("€ " + italian, out var c) && c == amount;
        });
    }
}

using Portal.Core.Validation;

namespace Portal.Core.Tests;

public class CodiceFiscaleTests
{
    [Theory]
    [InlineData("RSSMRA80A01H501U", true)]
    [InlineData("GDASDV00A01H501J", true)]
    [InlineData("BNCGLI85C52H501R", true)]
    [InlineData("RSSMRA80A01H50MX", false)] // omocodia letter with a wrong check character
    [InlineData("RSSMRA80A01H501A", false)] // wrong check character
    [InlineData("RSSMRA80Z01H501U", false)] // Z is not a month
    [InlineData("RSSMRA80A01H501", false)]
    [InlineData("rssmra80a01h501u", false)]
    [InlineData("12345678901", false)] // a company VAT number is not a person's codice fiscale
    public void Check_character_and_format(string cf, bool valid) => Assert.Equal(valid, CodiceFiscale.IsValid(cf));

    [Fact]
    public void Omocodia_codes_are_valid_when_the_check_character_is_right()
    {
        // RSSMRA80A01H501U with the last digit 1 replaced by its omocodia letter M.
        var first15 = "RSSMRA80A01H50M";
        var cf = first15 + CodiceFiscale.CheckCharacter(first15);
        Assert.True(CodiceFiscale.IsValid(cf));
        Assert.Equal("RSSMRA80A01H501U", CodiceFiscale.FromSpidAttribute(" tinit-rssmra80a01h501u "));
    }
}

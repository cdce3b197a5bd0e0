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

    private static readonly DateOnly Today = new(2026, 11, 23);

    [Theory]
    [InlineData("RSSMRA80A01H501U", 'M', "1980-01-01", "H501")]
    [InlineData("BNCLRA75C55A271Q", 'F', "1975-03-15", "A271")] // women: day + 40
    [InlineData("GDASDV00A01H501J", 'M', "2000-01-01", "H501")]
    public void Decodes_sex_birth_date_and_birth_place(string cf, char sex, string birth, string place)
    {
        Assert.True(CodiceFiscale.TryDecode(cf, Today, out var data));
        Assert.Equal((sex, DateOnly.Parse(birth, System.Globalization.CultureInfo.InvariantCulture), place), (data.Sesso, data.DataNascita, data.CodiceCatastale));
        Assert.False(data.NatoAllEstero);
    }

    [Fact]
    public void Decodes_omocodia_letters_and_a_foreign_birth_state()
    {
        var first15 = "RSSMRA80A01H50M"; // H501 with its last digit as the omocodia letter
        Assert.True(CodiceFiscale.TryDecode(first15 + CodiceFiscale.CheckCharacter(first15), Today, out var data));
        Assert.Equal("H501", data.CodiceCatastale);
        var foreign = "SMTJHN90R12Z114";
        Assert.True(CodiceFiscale.TryDecode(foreign + CodiceFiscale.CheckCharacter(foreign), Today, out data));
        Assert.Equal(("Z114", true, new DateOnly(1990, 10, 12)), (data.CodiceCatastale, data.NatoAllEstero, data.DataNascita));
    }

    [Fact]
    public void The_century_never_puts_the_birth_in_the_future()
    {
        var young = "RSSMRA25A01H501";
        Assert.True(CodiceFiscale.TryDecode(young + CodiceFiscale.CheckCharacter(young), Today, out var data));
        Assert.Equal(2025, data.DataNascita.Year);
        var old = "RSSMRA30A01H501";
        Assert.True(CodiceFiscale.TryDecode(old + CodiceFiscale.CheckCharacter(old), Today, out data));
        Assert.Equal(1930, data.DataNascita.Year);
    }

    [Theory]
    [InlineData("RSSMRA80B31H501")] // 31 February
    [InlineData("RSSMRA80A72H501")] // day 32 for a woman
    public void A_date_that_does_not_exist_is_not_decoded(string first15) =>
        Assert.False(CodiceFiscale.TryDecode(first15 + CodiceFiscale.CheckCharacter(first15), Today, out _));

    [Fact]
    public void An_invalid_code_is_not_decoded() => Assert.False(CodiceFiscale.TryDecode("RSSMRA80A01H501A", Today, out _));
}

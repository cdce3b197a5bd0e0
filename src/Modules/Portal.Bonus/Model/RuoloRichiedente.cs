namespace Portal.Bonus.Model;

/// <summary>Who the applicant is to the children (art. 2).</summary>
public enum RuoloRichiedente
{
    Genitore,
    TutoreLegale,
    GenitoreAffidatario,
    GenitoreAdottivo,
}

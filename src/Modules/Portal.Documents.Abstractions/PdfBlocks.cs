namespace Portal.Documents;

/// <summary>One piece of a document's flow, drawn top-down in order.</summary>
public abstract record PdfBlock;

/// <summary>Text wrapped at spaces to the page width (a word wider than the line is broken anywhere).</summary>
public sealed record PdfText(string Text, PdfFont Font, float Size, PdfColor Color, float Indent = 0) : PdfBlock;

/// <summary>A bulleted paragraph in the body size.</summary>
public sealed record PdfBullet(string Text) : PdfBlock;

/// <summary>A section title; it never stays alone at the foot of a page.</summary>
public sealed record PdfHeading(string Text) : PdfBlock;

/// <summary>Vertical space, in points.</summary>
public sealed record PdfGap(float Points) : PdfBlock;

/// <summary>
/// A column of a <see cref="PdfTable"/>. <paramref name="Width"/> is a weight: the columns share the page width in
/// proportion (on a landscape page the weights of the portal's tables are the points themselves).
/// </summary>
public sealed record PdfColumn(string Title, float Width = 1, bool Numeric = false, bool Mono = false);

/// <summary>Rows under a header repeated on every page; cells wrap inside their column; numeric columns align right.</summary>
public sealed record PdfTable(IReadOnlyList<PdfColumn> Columns, IReadOnlyList<IReadOnlyList<string>> Rows, string EmptyText = "Nessuna riga.") : PdfBlock;

/// <summary>
/// The verification box at the foot of the last page: a QR code of <paramref name="Url"/> at the right and the lines
/// at the left. A document with one keeps the right margin of its text free for the code.
/// </summary>
public sealed record PdfVerification(string Url, IReadOnlyList<string> Lines);

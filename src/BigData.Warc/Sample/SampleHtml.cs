namespace BigData.Warc.Sample;

/// <summary>
/// Writes an HTML page of roughly a target size: a per-site head, navigation and footer around paragraphs of
/// Zipf-distributed words, link lists (relative and to other hosts), images, headings and a little JSON-LD.
/// Natural-text word frequencies plus markup give gzip ratios like real HTML's (about 4–5×).
/// </summary>
internal static class SampleHtml
{
    private static readonly string[] Languages = ["en", "en", "en", "de", "fr", "es", "ru", "ja", "pt", "it", "nl", "pl"];

    public static void WritePage(ByteBuilder b, SampleRandom r, SampleRandom style, SampleHost host, SampleHostTable hosts, int targetBytes)
    {
        var words = SampleVocabulary.Instance;

        // The site's look comes from its own seed: same title words, classes and menu on every page of the host.
        style.Reseed(host.StyleSeed);
        var language = style.Pick(Languages);
        var siteWord1 = words.Word(style.Next(SampleVocabulary.Size));
        var siteWord2 = words.Word(style.Next(SampleVocabulary.Size));
        var cssClass = words.Word(style.Next(SampleVocabulary.Size));
        var menuSize = style.Next(4, 10);
        var menuSeed = style.NextUInt64();

        b.Append("<!DOCTYPE html>\n<html lang=\""u8);
        b.AppendAscii(language);
        b.Append("\">\n<head>\n<meta charset=\"utf-8\">\n<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">\n<title>"u8);
        Words(b, r, r.Next(3, 9), capitalize: true);
        b.Append(" | "u8);
        AppendCapitalized(b, siteWord1);
        b.Append(' ');
        AppendCapitalized(b, siteWord2);
        b.Append("</title>\n<meta name=\"description\" content=\""u8);
        Words(b, r, r.Next(12, 30), capitalize: false);
        b.Append("\">\n<link rel=\"canonical\" href=\""u8);
        b.Append(host.OriginBytes);
        b.Append("/\">\n<link rel=\"stylesheet\" href=\"/assets/css/"u8);
        b.Append(cssClass);
        b.Append(".min.css?v="u8);
        b.AppendNumber((long)(host.StyleSeed % 100000));
        b.Append("\">\n<script async src=\"https://www.googletagmanager.com/gtag/js?id=G-"u8);
        b.AppendHex(host.StyleSeed >> 40, 6);
        b.Append("\"></script>\n"u8);
        InlineStyle(b, style, cssClass);
        b.Append("<script>window.dataLayer=window.dataLayer||[];function gtag(){dataLayer.push(arguments);}gtag('js',new Date());</script>\n</head>\n<body class=\""u8);
        b.Append(cssClass);
        b.Append("-page\">\n<header class=\""u8);
        b.Append(cssClass);
        b.Append("-header\"><a class=\"logo\" href=\"/\">"u8);
        AppendCapitalized(b, siteWord1);
        b.Append(' ');
        AppendCapitalized(b, siteWord2);
        b.Append("</a>\n<nav>\n<ul class=\"menu\">\n"u8);
        style.Reseed(menuSeed);
        for (var i = 0; i < menuSize; i++)
        {
            var item = words.ZipfWord(style);
            b.Append("<li class=\"menu-item\"><a href=\"/"u8);
            b.Append(item);
            b.Append("/\">"u8);
            AppendCapitalized(b, item);
            b.Append("</a></li>\n"u8);
        }

        b.Append("</ul>\n</nav>\n</header>\n<main id=\"content\">\n<h1>"u8);
        Words(b, r, r.Next(3, 10), capitalize: true);
        b.Append("</h1>\n"u8);

        // Footer length is known in advance roughly; stop the body early enough to land near the target.
        var bodyEnd = targetBytes - 600;
        while (b.Length < bodyEnd)
        {
            var roll = r.Next(100);
            if (roll < 34)
            {
                Paragraph(b, r, cssClass);
            }
            else if (roll < 54)
            {
                CardGrid(b, r, cssClass);
            }
            else if (roll < 70)
            {
                LinkList(b, r, host, hosts, cssClass);
            }
            else if (roll < 80)
            {
                Image(b, r, cssClass);
            }
            else if (roll < 93)
            {
                b.Append("<h2>"u8);
                Words(b, r, r.Next(2, 8), capitalize: true);
                b.Append("</h2>\n"u8);
            }
            else
            {
                JsonLd(b, r, host);
            }
        }

        b.Append("</main>\n<footer class=\""u8);
        b.Append(cssClass);
        b.Append("-footer\">\n<p>&copy; "u8);
        b.AppendNumber(2000 + (long)(host.StyleSeed % 25));
        b.Append(' ');
        AppendCapitalized(b, siteWord1);
        b.Append(' ');
        AppendCapitalized(b, siteWord2);
        b.Append(". All rights reserved.</p>\n<p><a href=\"/privacy\">Privacy policy</a> | <a href=\"/terms\">Terms of use</a> | <a href=\"/contact\">Contact</a></p>\n</footer>\n</body>\n</html>\n"u8);
    }

    /// <summary>A small HTML body for redirects and errors.</summary>
    public static void WriteShortPage(ByteBuilder b, SampleRandom r, ReadOnlySpan<byte> title)
    {
        b.Append("<!DOCTYPE html>\n<html><head><title>"u8);
        b.Append(title);
        b.Append("</title></head>\n<body>\n<h1>"u8);
        b.Append(title);
        b.Append("</h1>\n<p>"u8);
        Words(b, r, r.Next(8, 40), capitalize: true);
        b.Append(".</p>\n</body></html>\n"u8);
    }

    private static void Paragraph(ByteBuilder b, SampleRandom r, ReadOnlySpan<byte> cssClass)
    {
        var words = SampleVocabulary.Instance;
        b.Append("<p class=\""u8);
        b.Append(cssClass);
        b.Append("-text\">"u8);
        var count = r.Next(15, 120);
        var startOfSentence = true;
        for (var i = 0; i < count; i++)
        {
            // One 64-bit draw per word: 16 bits pick the word, the rest decide punctuation and links.
            var bits = r.NextUInt64();
            var word = words.Word(words.ZipfIndex(bits));
            var decide = (int)((bits >> 16) & 0xFF);
            var link = (int)((bits >> 24) & 0x3F) == 0;
            if (i > 0)
            {
                b.Append(((bits >> 32) & 0x1F) == 0 ? (byte)'\n' : (byte)' ');
            }

            if (link)
            {
                b.Append("<a href=\"/"u8);
                b.Append(words.ZipfWord(r));
                b.Append('/');
                b.Append(word);
                b.Append('-');
                b.Append(words.AnyWord(r));
                b.Append("\">"u8);
            }

            var at = b.Length;
            b.Append(word);
            if (startOfSentence)
            {
                b.UpperAt(at);
                startOfSentence = false;
            }

            if (link)
            {
                b.Append("</a>"u8);
            }

            if (decide < 20)
            {
                b.Append('.');
                startOfSentence = true;
            }
            else if (decide < 30)
            {
                b.Append(',');
            }
        }

        b.Append(".</p>\n"u8);
    }

    /// <summary>A product or article grid: long, repetitive markup around a few varying words and numbers.</summary>
    private static void CardGrid(ByteBuilder b, SampleRandom r, ReadOnlySpan<byte> cssClass)
    {
        var words = SampleVocabulary.Instance;
        b.Append("<div class=\""u8);
        b.Append(cssClass);
        b.Append("-grid row row-cols-2 row-cols-md-3 row-cols-lg-4 g-3\">\n"u8);
        var section = words.ZipfWord(r);
        var cards = r.Next(3, 13);
        for (var i = 0; i < cards; i++)
        {
            var id = r.Next(1000, 1000000);
            var slug1 = words.AnyWord(r);
            var slug2 = words.ZipfWord(r);
            b.Append("<div class=\"col\">\n  <div class=\"card h-100 shadow-sm "u8);
            b.Append(cssClass);
            b.Append("-card\" data-id=\""u8);
            b.AppendNumber(id);
            b.Append("\">\n    <a class=\"card-link stretched-link\" href=\"/"u8);
            b.Append(section);
            b.Append('/');
            b.AppendNumber(id);
            b.Append('-');
            b.Append(slug1);
            b.Append('-');
            b.Append(slug2);
            b.Append("\">\n      <img class=\"card-img-top lazyload\" src=\"data:image/gif;base64,R0lGODlhAQABAAAAACH5BAEKAAEALAAAAAABAAEAAAICTAEAOw==\" data-src=\"/media/cache/"u8);
            b.AppendNumber(id % 100, 2);
            b.Append('/');
            b.AppendNumber(id);
            b.Append("-400x300.jpg\" width=\"400\" height=\"300\" alt=\""u8);
            AppendCapitalized(b, slug1);
            b.Append(' ');
            b.Append(slug2);
            b.Append("\">\n    </a>\n    <div class=\"card-body\">\n      <h3 class=\"card-title h6\">"u8);
            AppendCapitalized(b, slug1);
            b.Append(' ');
            b.Append(slug2);
            b.Append(' ');
            b.Append(words.ZipfWord(r));
            b.Append("</h3>\n      <p class=\"card-text small text-muted\">"u8);
            Words(b, r, r.Next(4, 14), capitalize: true);
            b.Append(".</p>\n    </div>\n    <div class=\"card-footer bg-transparent border-0\"><span class=\"price\">"u8);
            b.AppendNumber(r.Next(1, 500));
            b.Append('.');
            b.AppendNumber(r.Next(100), 2);
            b.Append("</span> <button type=\"button\" class=\"btn btn-sm btn-outline-primary add-to-cart\" data-id=\""u8);
            b.AppendNumber(id);
            b.Append("\">Add to cart</button></div>\n  </div>\n</div>\n"u8);
        }

        b.Append("</div>\n"u8);
    }

    /// <summary>The site's inline CSS (the same on every page of the host): short rules over a small property set.</summary>
    private static void InlineStyle(ByteBuilder b, SampleRandom style, ReadOnlySpan<byte> cssClass)
    {
        var words = SampleVocabulary.Instance;
        b.Append("<style>\n"u8);
        var rules = style.Next(5, 40);
        for (var i = 0; i < rules; i++)
        {
            b.Append('.');
            b.Append(cssClass);
            b.Append('-');
            b.Append(words.ZipfWord(style));
            b.Append(style.Chance(500) ? " a{"u8 : "{"u8);
            var properties = style.Next(1, 5);
            for (var p = 0; p < properties; p++)
            {
                switch (style.Next(6))
                {
                    case 0:
                        b.Append("margin:0 auto;"u8);
                        break;
                    case 1:
                        b.Append("display:flex;"u8);
                        break;
                    case 2:
                        b.Append("color:#"u8);
                        b.AppendHex(style.NextUInt64() & 0xFFF, 3);
                        b.Append(';');
                        break;
                    case 3:
                        b.Append("background-color:#"u8);
                        b.AppendHex(style.NextUInt64() & 0xFFFFFF, 6);
                        b.Append(';');
                        break;
                    default:
                        b.Append(style.Chance(500) ? "padding:"u8 : "font-size:"u8);
                        b.AppendNumber(style.Next(1, 33));
                        b.Append(style.Chance(700) ? "px;"u8 : "em;"u8);
                        break;
                }
            }

            b.Append("}\n"u8);
        }

        b.Append("</style>\n"u8);
    }

    private static void LinkList(ByteBuilder b, SampleRandom r, SampleHost host, SampleHostTable hosts, ReadOnlySpan<byte> cssClass)
    {
        var words = SampleVocabulary.Instance;
        b.Append("<ul class=\""u8);
        b.Append(cssClass);
        b.Append("-links\">\n"u8);
        var items = r.Next(3, 13);
        for (var i = 0; i < items; i++)
        {
            b.Append("<li><a href=\""u8);
            if (r.Chance(300))
            {
                b.Append(hosts[hosts.DrawRank(r)].OriginBytes);
            }
            else if (r.Chance(200))
            {
                b.Append(host.OriginBytes);
            }

            b.Append('/');
            b.Append(words.ZipfWord(r));
            b.Append('/');
            b.Append(words.AnyWord(r));
            b.Append('-');
            b.Append(words.AnyWord(r));
            if (r.Chance(400))
            {
                b.Append(".html"u8);
            }

            b.Append("\">"u8);
            Words(b, r, r.Next(1, 6), capitalize: true);
            b.Append("</a></li>\n"u8);
        }

        b.Append("</ul>\n"u8);
    }

    private static void Image(ByteBuilder b, SampleRandom r, ReadOnlySpan<byte> cssClass)
    {
        b.Append("<div class=\""u8);
        b.Append(cssClass);
        b.Append("-media\"><img src=\"/images/"u8);
        b.AppendNumber(r.Next(1000000), 6);
        b.Append(r.Chance(700) ? ".jpg"u8 : ".png"u8);
        b.Append("\" width=\""u8);
        b.AppendNumber(r.Next(8, 41) * 20);
        b.Append("\" height=\""u8);
        b.AppendNumber(r.Next(6, 31) * 20);
        b.Append("\" alt=\""u8);
        Words(b, r, r.Next(1, 7), capitalize: false);
        b.Append("\" loading=\"lazy\"></div>\n"u8);
    }

    private static void JsonLd(ByteBuilder b, SampleRandom r, SampleHost host)
    {
        b.Append("<script type=\"application/ld+json\">{\"@context\":\"https://schema.org\",\"@type\":\"Article\",\"headline\":\""u8);
        Words(b, r, r.Next(3, 10), capitalize: true);
        b.Append("\",\"datePublished\":\"20"u8);
        b.AppendNumber(r.Next(10, 25), 2);
        b.Append('-');
        b.AppendNumber(r.Next(1, 13), 2);
        b.Append('-');
        b.AppendNumber(r.Next(1, 29), 2);
        b.Append("\",\"identifier\":\""u8);
        b.AppendHex(r.NextUInt64(), 16);
        b.Append("\",\"publisher\":{\"@type\":\"Organization\",\"url\":\""u8);
        b.Append(host.OriginBytes);
        b.Append("/\"}}</script>\n"u8);
    }

    private static void Words(ByteBuilder b, SampleRandom r, int count, bool capitalize)
    {
        var words = SampleVocabulary.Instance;
        for (var i = 0; i < count; i++)
        {
            if (i > 0)
            {
                b.Append(' ');
            }

            var at = b.Length;
            b.Append(words.ZipfWord(r));
            if (capitalize && i == 0)
            {
                b.UpperAt(at);
            }
        }
    }

    private static void AppendCapitalized(ByteBuilder b, ReadOnlySpan<byte> word)
    {
        var at = b.Length;
        b.Append(word);
        b.UpperAt(at);
    }
}

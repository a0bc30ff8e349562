using System.Diagnostics;
using System.Text;
using Microsoft.Extensions.Options;
using Network.Modules.Media.Imaging;
using Network.Modules.Media.Services;
using Network.Modules.Media.Validation;

namespace Network.Tests.Media;

/// <summary>The upload checks that need no decoding: sniffing, name and type agreement, size and pixel limits, PDF completeness.</summary>
public sealed class MediaUploadValidatorTests
{
    private static readonly MediaUploadValidator Validator = new(Options.Create(new MediaOptions()));

    private static string Refusal(string fileName, byte[] data, string? contentType = null, long? totalLength = null)
    {
        var result = Validator.Validate(fileName, contentType, data, totalLength);
        Assert.False(result.IsValid, $"{fileName} should be refused");
        return Assert.Single(result.Errors).ToString();
    }

    [Fact]
    public void Accepted_formats_are_recognised_from_their_bytes_with_their_dimensions()
    {
        var cases = new (string Name, byte[] Data, MediaFormat Format, int Width, int Height)[]
        {
            ("photo.jpg", SampleImages.Jpeg(300, 200), MediaFormat.Jpeg, 300, 200),
            ("photo.JPEG", SampleImages.Jpeg(30, 20), MediaFormat.Jpeg, 30, 20),
            ("logo.png", SampleImages.Png(120, 80, alpha: true), MediaFormat.Png, 120, 80),
            ("image.webp", SampleImages.WebP(90, 70), MediaFormat.WebP, 90, 70),
            ("anim.gif", SampleImages.Gif(64, 48), MediaFormat.Gif, 64, 48),
        };
        foreach (var (name, data, format, width, height) in cases)
        {
            var result = Validator.Validate(name, format.ContentType, data);
            Assert.True(result.IsValid, name + ": " + string.Join(" ", result.Errors));
            Assert.Equal((format, width, height), (result.Format, result.Width, result.Height));
        }
        var pdf = Validator.Validate("rapport.pdf", "application/pdf", MinimalPdf);
        Assert.Equal(MediaFormat.Pdf, pdf.Format);
        // Browsers send application/octet-stream for what they do not know: it says nothing either way.
        Assert.True(Validator.Validate("photo.jpg", "application/octet-stream", SampleImages.Jpeg(10, 10)).IsValid);
        Assert.True(Validator.Validate("photo.jpg", null, SampleImages.Jpeg(10, 10)).IsValid);
    }

    [Fact]
    public void A_png_renamed_pdf_is_refused_and_the_message_says_what_it_really_is()
    {
        var message = Refusal("x.pdf", SampleImages.Png(40, 40), "application/pdf");
        Assert.Contains("Le fichier « x.pdf » est en réalité une image PNG", message);
        Assert.Contains(".png", message);
    }

    [Fact]
    public void A_text_file_renamed_jpg_is_refused()
    {
        var message = Refusal("notes.jpg", Encoding.UTF8.GetBytes("Compte rendu de la réunion du 12 mars.\nOrdre du jour : numérisation.\n"), "image/jpeg");
        Assert.Equal("Le fichier « notes.jpg » n'est pas une image JPEG : il contient du texte. Il est refusé.", message);
    }

    [Fact]
    public void Executables_renamed_as_images_are_refused()
    {
        byte[] elf = [0x7F, (byte)'E', (byte)'L', (byte)'F', 2, 1, 1, 0, .. new byte[120]];
        byte[] pe = [(byte)'M', (byte)'Z', 0x90, 0, 3, 0, 0, 0, .. new byte[120]];
        Assert.Contains("programme exécutable", Refusal("photo.png", elf, "image/png"));
        Assert.Contains("programme exécutable", Refusal("photo.jpg", pe));
        Assert.Contains("programme exécutable", Refusal("script.gif", Encoding.ASCII.GetBytes("#!/bin/sh\nrm -rf /\n")));
    }

    [Fact]
    public void Archives_markup_and_unknown_content_are_refused()
    {
        Assert.Contains("archive compressée", Refusal("photos.zip", [(byte)'P', (byte)'K', 3, 4, .. new byte[60]]));
        Assert.Contains("archive compressée", Refusal("photo.jpg", [(byte)'P', (byte)'K', 3, 4, .. new byte[60]]));
        Assert.Contains("HTML, un dessin SVG", Refusal("logo.svg", Encoding.UTF8.GetBytes("<svg xmlns=\"http://www.w3.org/2000/svg\" onload=\"alert(1)\"/>")));
        Assert.Contains("HTML, un dessin SVG", Refusal("page.png", Encoding.UTF8.GetBytes("\n  <!DOCTYPE html><html><script>alert(1)</script></html>")));
        var random = new byte[300];
        new Random(7).NextBytes(random);
        random[0] = 0x00;
        Assert.Contains("aucun format accepté", Refusal("donnees.webp", random));
    }

    [Fact]
    public void An_empty_file_is_refused()
        => Assert.Equal("Le fichier « vide.jpg » est vide.", Refusal("vide.jpg", []));

    [Fact]
    public void An_oversized_file_is_refused_with_the_limit()
    {
        // 20 MB + 1 byte with the default limit: checked from the length, before sniffing.
        var message = Refusal("enorme.jpg", SampleImages.Jpeg(10, 10), totalLength: 20L * 1024 * 1024 + 1);
        Assert.Equal("Le fichier « enorme.jpg » pèse 20 Mo : la limite est de 20 Mo par fichier.", message);
        var small = new MediaUploadValidator(Options.Create(new MediaOptions { MaxFileBytes = 1000 }));
        var data = new byte[1500];
        SampleImages.Png(10, 10).CopyTo(data, 0);
        Assert.Contains("pèse 2 Ko : la limite est de 1 Ko", small.Validate("grand.png", null, data).Errors.Single().ToString());
    }

    [Fact]
    public void A_20000_by_20000_image_is_refused_from_its_header_fast_and_without_allocating_its_pixels()
    {
        var bomb = MediaTestImages.PngHeaderOnly(20000, 20000);
        Assert.True(bomb.Length < 200);
        Validator.Validate("bombe.png", "image/png", bomb); // warm-up (JIT)
        var allocated = GC.GetAllocatedBytesForCurrentThread();
        var watch = Stopwatch.StartNew();
        var result = Validator.Validate("bombe.png", "image/png", bomb);
        watch.Stop();
        allocated = GC.GetAllocatedBytesForCurrentThread() - allocated;
        Assert.Equal("L'image « bombe.png » mesure 20 000 × 20 000 pixels (400 mégapixels) : la limite est de 50 mégapixels. Réduisez-la avant de la déposer.",
            Assert.Single(result.Errors).ToString().Replace('\u202F', ' ').Replace('\u00A0', ' '));
        Assert.True(allocated < 64 * 1024, $"{allocated} bytes allocated");
        Assert.True(watch.ElapsedMilliseconds < 50, $"{watch.ElapsedMilliseconds} ms");
    }

    [Fact]
    public void The_pixel_limit_is_configurable()
    {
        var strict = new MediaUploadValidator(Options.Create(new MediaOptions { MaxMegapixels = 0.5 }));
        Assert.True(strict.Validate("a.jpg", null, SampleImages.Jpeg(800, 700)).Errors.Single().ToString().Contains("0,5 mégapixels"));
        Assert.True(strict.Validate("a.jpg", null, SampleImages.Jpeg(700, 500)).IsValid);
    }

    [Fact]
    public void The_declared_content_type_must_agree_with_the_bytes()
        => Assert.Contains("annoncé comme « application/pdf » mais c'est une image JPEG", Refusal("photo.jpg", SampleImages.Jpeg(10, 10), "application/pdf"));

    [Fact]
    public void A_file_without_an_accepted_extension_is_refused_even_when_its_content_is_fine()
    {
        Assert.Contains("n'a pas d'extension", Refusal("photo", SampleImages.Jpeg(10, 10)));
        Assert.Contains("L'extension « .exe »", Refusal("photo.exe", SampleImages.Jpeg(10, 10)));
    }

    [Fact]
    public void A_jpeg_whose_header_is_cut_before_its_dimensions_is_refused()
        => Assert.Contains("dimensions sont illisibles", Refusal("coupee.jpg", SampleImages.Jpeg(100, 100)[..20]));

    [Fact]
    public void A_pdf_must_start_with_its_signature_and_end_with_eof()
    {
        Assert.Contains("incomplet ou endommagé", Refusal("rapport.pdf", MinimalPdf[..(MinimalPdf.Length - 8)]));
        Assert.Contains("il contient du texte", Refusal("rapport.pdf", Encoding.ASCII.GetBytes("PDF-1.7 pas vraiment\n%%EOF")));
    }

    [Fact]
    public void File_names_are_made_safe_to_show_and_to_serve()
    {
        Assert.Equal("photo.jpg", MediaFileNames.Display("C:\\Users\\camille\\photo.jpg"));
        Assert.Equal("passwd.pdf", MediaFileNames.Display("../../etc/passwd.pdf"));
        Assert.Equal("rapport-annuel-2024-v2", MediaFileNames.Slug("Rapport annuel 2024 (v2).pdf"));
        Assert.Equal("numerisation-3d-de-la-cathedrale", MediaFileNames.Slug("Numérisation 3D de la cathédrale.pdf"));
        Assert.Equal("document", MediaFileNames.Slug("%%%.pdf"));
    }

    /// <summary>A tiny well-formed PDF (one empty page).</summary>
    internal static readonly byte[] MinimalPdf = Encoding.ASCII.GetBytes(
        "%PDF-1.4\n1 0 obj << /Type /Catalog /Pages 2 0 R >> endobj\n2 0 obj << /Type /Pages /Kids [3 0 R] /Count 1 >> endobj\n" +
        "3 0 obj << /Type /Page /Parent 2 0 R /MediaBox [0 0 200 200] >> endobj\ntrailer << /Root 1 0 R >>\n%%EOF\n");
}

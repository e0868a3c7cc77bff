using KnowledgeLoop.Core.Text;

namespace KnowledgeLoop.Core.Tests.Text;

public class TextCleanerTests
{
    [Fact]
    public void Clean_GmailReply_KeepsOnlyTheNewMessage()
    {
        const string text = """
            Hi team,

            The CSV export still fails with error 500 after the update.

            On Mon, Mar 4, 2024 at 10:12 AM Support <support@acme.com> wrote:
            > Please try clearing your cache.
            > Thanks
            """;

        Assert.Equal("The CSV export still fails with error 500 after the update.", TextCleaner.Clean(text));
    }

    [Fact]
    public void Clean_WrappedQuoteHeader_IsCut()
    {
        const string text = "Login loops back to the start page.\nOn Tue, 5 Mar 2024 at 09:00, Ana Lopez <ana@example.com>\nwrote:\nold text";

        Assert.Equal("Login loops back to the start page.", TextCleaner.Clean(text));
    }

    [Fact]
    public void Clean_OutlookForward_IsCut()
    {
        const string text = """
            Invoice shows the wrong VAT rate.

            ________________________________
            From: Billing <billing@acme.com>
            Sent: Tuesday, March 5, 2024 9:00 AM
            To: Me
            Subject: Your invoice
            """;

        Assert.Equal("Invoice shows the wrong VAT rate.", TextCleaner.Clean(text));
    }

    [Fact]
    public void Clean_OriginalMessageMarker_IsCut()
    {
        Assert.Equal(
            "Still broken.",
            TextCleaner.Clean("Still broken.\n-----Original Message-----\nFrom: x\nPlease reset it."));
    }

    [Fact]
    public void Clean_SignatureWithContactBlock_IsRemoved()
    {
        const string text = """
            Hello Ana,
            I can't enable 2FA on my account, the code is always rejected.

            Best regards,
            John Smith
            Senior Accountant | Contoso Ltd
            Tel: +1 (555) 123-4567
            john.smith@contoso.com
            """;

        Assert.Equal("I can't enable 2FA on my account, the code is always rejected.", TextCleaner.Clean(text));
    }

    [Fact]
    public void Clean_ThanksAndNameAndDeviceFooter_AreRemoved()
    {
        const string text = "Dear support\nThe app crashes when I upload a photo.\nThanks,\nMaria\n\nSent from my iPhone";

        Assert.Equal("The app crashes when I upload a photo.", TextCleaner.Clean(text));
    }

    [Fact]
    public void Clean_DashDashSignature_IsRemoved()
    {
        Assert.Equal("Password reset link expired.", TextCleaner.Clean("Password reset link expired.\n-- \nBob\nAcme"));
    }

    [Fact]
    public void Clean_ThanksInsideTheMessage_IsKept()
    {
        const string text = "Thanks, the reset worked.\nBut now the dashboard is empty and the report export times out again and again.";

        Assert.Equal(text, TextCleaner.Clean(text));
    }

    [Fact]
    public void Clean_InlineGreeting_StripsOnlyTheGreeting()
    {
        Assert.Equal("my refund has not arrived.", TextCleaner.Clean("Hi there, my refund has not arrived."));
    }

    [Fact]
    public void Clean_Boilerplate_IsRemoved()
    {
        const string text = """
            ##- Please type your reply above this line -##
            RE: [External] [Ticket #48213] Cannot sync calendar
            This ticket was created via the web widget.
            Calendar sync stopped yesterday.
            """;

        Assert.Equal("Cannot sync calendar\nCalendar sync stopped yesterday.", TextCleaner.Clean(text));
    }

    [Fact]
    public void Clean_UrlsEmailsPhonesAndLongNumbers_AreMaskedOrRemoved()
    {
        const string text = "See https://acme.com/help?id=3 or www.acme.com/x. Mail ops@acme.io or call +44 20 7946 0958. Order 12345678, error 401, on 2024-03-05.";

        Assert.Equal(
            "See or . Mail [email] or call [phone]. Order [number], error 401, on 2024-03-05.",
            TextCleaner.Clean(text));
    }

    [Fact]
    public void Clean_OptionsOff_KeepsEverything()
    {
        var options = new TextCleanerOptions
        {
            RemoveQuotedReplies = false,
            RemoveSignatures = false,
            RemoveGreetings = false,
            RemoveBoilerplate = false,
            RemoveUrls = false,
            MaskEmails = false,
            MaskPhones = false,
            MaskNumbers = false,
        };
        const string text = "Hi team,\nMail a@b.com about 1234567.\n> quoted";

        Assert.Equal(text, TextCleaner.Clean(text, options));
    }

    [Fact]
    public void Clean_EmptyText_ReturnsEmpty()
    {
        Assert.Equal(string.Empty, TextCleaner.Clean(string.Empty));
    }

    [Fact]
    public void Redact_GreetingAndSignOffNames_AreMasked()
    {
        const string text = "Hello Ana Lopez,\nMy card 4111 is declined, call me at 555-123-4567 or mail ana@x.org.\nThanks,\nAna Lopez";

        Assert.Equal(
            "Hello [name],\nMy card 4111 is declined, call me at [phone] or mail [email].\nThanks,\n[name]",
            TextCleaner.Redact(text));
    }

    [Fact]
    public void Redact_ListedNames_AreMaskedAsWholeWordsOnly()
    {
        var options = new RedactionOptions { Names = ["Mark Olsen"], NamesAfterGreetings = false };

        Assert.Equal(
            "Agent [name] [name] said [name] will bookmark it.",
            TextCleaner.Redact("Agent Mark Olsen said olsen will bookmark it.", options));
    }

    [Fact]
    public void Redact_HiTeam_IsNotAName()
    {
        Assert.Equal("Hi Team,\nhelp", TextCleaner.Redact("Hi Team,\nhelp"));
    }
}

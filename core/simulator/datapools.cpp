#include "core/simulator/datapools.h"

using namespace Qt::StringLiterals;

namespace mcdesk::sim::pools {

const QVector<Person> &internalUsers()
{
    static const QVector<Person> users = {
        {u"alice.smith@demo.example"_s, u"Alice Smith"_s},
        {u"bob.jones@demo.example"_s, u"Bob Jones"_s},
        {u"carol.white@demo.example"_s, u"Carol White"_s},
        {u"dave.brown@demo.example"_s, u"Dave Brown"_s},
        {u"erin.ito@demo.example"_s, u"Erin Ito"_s},
        {u"frank.moreau@demo.example"_s, u"Frank Moreau"_s},
        {u"grace.kim@demo.example"_s, u"Grace Kim"_s},
        {u"heidi.novak@demo.example"_s, u"Heidi Novak"_s},
        {u"ivan.petrov@demo.example"_s, u"Ivan Petrov"_s},
        {u"judy.chen@demo.example"_s, u"Judy Chen"_s},
        {u"zoe.angstrom@demo.example"_s, u"Zoë Ångström"_s},
        {u"jose.alvarez@demo.example"_s, u"José Álvarez"_s},
        {u"taro.yamada@demo.example"_s, u"山田 太郎"_s},
        {u"finance@demo.example"_s, u"Finance Team"_s},
        {u"hr@demo.example"_s, u"Human Resources"_s},
        {u"ceo@demo.example"_s, u"Margaret Lane (CEO)"_s},
    };
    return users;
}

const QVector<Person> &externalSenders()
{
    static const QVector<Person> senders = {
        {u"ap@contoso-billing.example"_s, u"Accounts Payable"_s},
        {u"noreply@dhl-tracking.example"_s, u"DHL Express"_s},
        {u"service@paypa1-secure.example"_s, u"PayPal Service"_s},
        {u"no-reply@login-microsoftonline.example"_s, u"Microsoft 365"_s},
        {u"buchhaltung@mueller-gmbh.example"_s, u"Müller GmbH Buchhaltung"_s},
        {u"d.ivanov@freemail.example"_s, u"Дмитрий Иванов"_s},
        {u"security@it-helpdesk.example"_s, u"<b>IT Security</b>"_s},
        {u"support@evil.example"_s, uR"(=HYPERLINK("http://evil.example","Support"))"_s},
        {u"digest@newsletter.example"_s, u"Weekly Digest"_s},
        {u"sales@partner.example"_s, u"Partner Sales"_s},
        {u"olivia.carter@partner.example"_s, u"Olivia Carter"_s},
        {u"messages@linkedin-mail.example"_s, u"LinkedIn"_s},
        {u"ceo.office@demo-example.co"_s, u"Margaret Lane"_s},
        {u"dse@docusign-notify.example"_s, u"DocuSign"_s},
        {u"aws-billing@aws-invoices.example"_s, u"Amazon Web Services"_s},
        {u"hanako@shop.example"_s, u"佐藤 花子"_s},
        {u"liam.nguyen@supplier.example"_s, u"Liam Nguyen"_s},
        {u"+cmd@formula.example"_s, u"+cmd|' /C calc'!A0"_s},
    };
    return senders;
}

const QStringList &subjects()
{
    static const QStringList list = {
        u"Invoice #{n} overdue"_s,
        u"Your parcel {n} could not be delivered"_s,
        u"Password expires today"_s,
        u"Action required: verify your account"_s,
        u"Quarterly report Q{n}"_s,
        u"Re: Meeting notes"_s,
        u"Überweisung bestätigen – Rechnung {n}"_s,
        u"請求書の送付 ({n})"_s,
        u"Счёт на оплату №{n}"_s,
        u"<b>URGENT</b> wire transfer needed"_s,
        uR"(=HYPERLINK("http://evil.example/{n}","Click here"))"_s,
        u"+cmd|' /C calc'!A0"_s,
        u"@SUM(1+1) payroll correction"_s,
        u"Payroll update 🔒"_s,
        u"Weekly newsletter #{n}"_s,
        u"Shared document: Budget {n}.xlsx"_s,
        u"Voicemail from +1 555 01{n}"_s,
        u"DocuSign: Please sign contract {n}"_s,
        u"Your AWS invoice is available"_s,
        u"Résumé – application for analyst role"_s,
        u"Purchase order PO-{n}"_s,
        u"Security alert: new sign-in"_s,
        u"Lunch on Friday?"_s,
        u"FW: Customer complaint {n}"_s,
        u"Zoom meeting invitation"_s,
    };
    return list;
}

const QStringList &bodyLines()
{
    static const QStringList list = {
        u"Please find the invoice attached and arrange payment by Friday."_s,
        u"The quarterly figures are in the shared folder."_s,
        u"Can we move the meeting to 3pm tomorrow?"_s,
        u"Your password expires today. Use the link below to keep it."_s,
        u"Delivery was attempted; confirm your address to reschedule."_s,
        u"The contract is ready for your signature."_s,
        u"We noticed a new sign-in to your account from an unknown device."_s,
        u"Here is the draft budget for next year, comments welcome."_s,
        u"Bitte bestätigen Sie die Überweisung bis Montag."_s,
        u"Thanks for your application, we will be in touch."_s,
    };
    return list;
}

const QVector<Attachment> &attachmentTemplates()
{
    static const QVector<Attachment> list = {
        {u"invoice_{n}.pdf"_s, u"pdf"_s, u"application/pdf"_s, u"documents"_s, 0, {}},
        {u"contract_{n}.docx"_s,
         u"docx"_s,
         u"application/vnd.openxmlformats-officedocument.wordprocessingml.document"_s,
         u"documents"_s,
         0,
         {}},
        {u"budget_{n}.xlsx"_s,
         u"xlsx"_s,
         u"application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"_s,
         u"spreadsheets"_s,
         0,
         {}},
        {u"deck_{n}.pptx"_s,
         u"pptx"_s,
         u"application/vnd.openxmlformats-officedocument.presentationml.presentation"_s,
         u"presentations"_s,
         0,
         {}},
        {u"payload_{n}.exe"_s, u"exe"_s, u"application/x-msdownload"_s, u"other"_s, 0, {}},
        {u"scan_{n}.zip"_s, u"zip"_s, u"application/zip"_s, u"zips"_s, 0, {}},
        {u"photo_{n}.jpg"_s, u"jpg"_s, u"image/jpeg"_s, u"images"_s, 0, {}},
        {u"notes_{n}.txt"_s, u"txt"_s, u"text/plain"_s, u"text"_s, 0, {}},
        {u"voicemail_{n}.mp3"_s, u"mp3"_s, u"audio/mpeg"_s, u"media"_s, 0, {}},
        {u"Résumé_{n}.docx"_s,
         u"docx"_s,
         u"application/vnd.openxmlformats-officedocument.wordprocessingml.document"_s,
         u"documents"_s,
         0,
         {}},
        {u"請求書_{n}.pdf"_s, u"pdf"_s, u"application/pdf"_s, u"documents"_s, 0, {}},
        {u"login_{n}.html"_s, u"html"_s, u"text/html"_s, u"other"_s, 0, {}},
    };
    return list;
}

} // namespace mcdesk::sim::pools

//! Each rule in one line, in our own words, for the log, the details and the tooltips. The
//! rule ids (`R2`, `R5a`, ...) are shown beside these texts and never translated.

use super::Lang;
use crate::model::RuleId;

pub fn rule_text(lang: Lang, rule: RuleId) -> &'static str {
    match lang {
        Lang::En => en(rule),
        Lang::Nl => nl(rule),
    }
}

fn en(rule: RuleId) -> &'static str {
    match rule {
        RuleId::TimeOrder => "events of a job happen in time order",
        RuleId::JobCreated => "a new job starts in Creating; import drives start Specified",
        RuleId::CreatingExpiry => "a job still Creating 14 days after creation (or its last update) is deleted",
        RuleId::TrackingEntered => "entering the carrier and tracking number moves the job to Shipping",
        RuleId::PackageDelivered => "drives in the package become Received, the others NeverReceived",
        RuleId::ShippingOverdue => "14 days in Shipping without delivery: missing drives become NeverReceived, the customer is contacted",
        RuleId::ShippingAbandoned => "30 more days without delivery: the job closes",
        RuleId::LateDrive => "a NeverReceived drive that turns up later becomes Received",
        RuleId::CopyStarted => "copying starts on a received drive; the job is Transferring",
        RuleId::CopyFinished => "a finished copy is Completed, or CompletedMoreInfo with warnings or errors; all done means Packaging",
        RuleId::ShippedBack => "drives go back: Completed without errors, Closed otherwise",
        RuleId::RetentionExpiry => "90 days after Completed, Closed or Canceled the job is deleted",
        RuleId::CustomerDelete => "the customer may delete a job only while Creating or Completed",
        RuleId::Cancel => "cancelling exists only in the 2021 rules, inside the cancel window",
        RuleId::Percent => "percent complete is bytes copied over drive size, weighted by bytes for the job",
    }
}

fn nl(rule: RuleId) -> &'static str {
    match rule {
        RuleId::TimeOrder => "gebeurtenissen van een taak volgen elkaar in de tijd op",
        RuleId::JobCreated => "een nieuwe taak begint in Creating; importschijven beginnen als Specified",
        RuleId::CreatingExpiry => "een taak die 14 dagen na het maken (of de laatste wijziging) nog Creating is, wordt verwijderd",
        RuleId::TrackingEntered => "met vervoerder en trackingnummer gaat de taak naar Shipping",
        RuleId::PackageDelivered => "schijven in het pakket worden Received, de andere NeverReceived",
        RuleId::ShippingOverdue => "14 dagen Shipping zonder levering: ontbrekende schijven worden NeverReceived, de klant wordt benaderd",
        RuleId::ShippingAbandoned => "nog 30 dagen zonder levering: de taak wordt gesloten",
        RuleId::LateDrive => "een NeverReceived-schijf die later opduikt, wordt Received",
        RuleId::CopyStarted => "het kopiëren begint op een ontvangen schijf; de taak is Transferring",
        RuleId::CopyFinished => "klaar met kopiëren: Completed, of CompletedMoreInfo bij waarschuwingen of fouten; alles klaar betekent Packaging",
        RuleId::ShippedBack => "schijven gaan terug: Completed zonder fouten, anders Closed",
        RuleId::RetentionExpiry => "90 dagen na Completed, Closed of Canceled wordt de taak verwijderd",
        RuleId::CustomerDelete => "de klant kan een taak alleen verwijderen in Creating of Completed",
        RuleId::Cancel => "annuleren bestaat alleen in de regels van 2021, binnen het annuleringsvenster",
        RuleId::Percent => "percentage voltooid is gekopieerde bytes gedeeld door de schijfgrootte, per taak gewogen naar bytes",
    }
}

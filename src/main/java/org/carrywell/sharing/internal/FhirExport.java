package org.carrywell.sharing.internal;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.time.Clock;
import java.time.DayOfWeek;
import java.time.LocalDate;
import java.time.temporal.TemporalAdjusters;
import java.util.Date;
import java.util.EnumMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import java.util.UUID;

import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

import ca.uhn.fhir.context.FhirContext;
import ca.uhn.fhir.model.api.TemporalPrecisionEnum;
import org.hl7.fhir.r4.model.BooleanType;
import org.hl7.fhir.r4.model.Bundle;
import org.hl7.fhir.r4.model.CodeableConcept;
import org.hl7.fhir.r4.model.Coding;
import org.hl7.fhir.r4.model.Condition;
import org.hl7.fhir.r4.model.DateTimeType;
import org.hl7.fhir.r4.model.Identifier;
import org.hl7.fhir.r4.model.IntegerType;
import org.hl7.fhir.r4.model.Observation;
import org.hl7.fhir.r4.model.Patient;
import org.hl7.fhir.r4.model.Period;
import org.hl7.fhir.r4.model.Quantity;
import org.hl7.fhir.r4.model.Reference;
import org.hl7.fhir.r4.model.Resource;
import org.hl7.fhir.r4.model.StringType;
import org.jspecify.annotations.Nullable;
import org.springframework.context.MessageSource;
import org.springframework.stereotype.Component;

import org.carrywell.catalogue.Catalogue;
import org.carrywell.catalogue.Exercise;
import org.carrywell.catalogue.PainArea;
import org.carrywell.progress.ProgressReport;
import org.carrywell.progress.SessionRecord;
import org.carrywell.system.AppSecrets;

/**
 * Her data as a FHIR R4 Bundle (type {@code collection}) a clinic's system can import: a Patient with no name or
 * address (the clinic matches her as they would a paper diary), and Observations for her pregnancy, her check, her
 * pain by area, her sessions, her weekly activity minutes and the warning signs she reported, each coded as
 * docs/sharing.md explains. The HAPI FHIR context is made on the first export, not at start-up.
 */
@Component
public class FhirExport {

	static final String LOINC = "http://loinc.org";

	static final String SNOMED = "http://snomed.info/sct";

	static final String UCUM = "http://unitsofmeasure.org";

	static final String CATEGORIES = "http://terminology.hl7.org/CodeSystem/observation-category";

	static final String CONDITION_CLINICAL = "http://terminology.hl7.org/CodeSystem/condition-clinical";

	static final String CONDITION_VERIFICATION = "http://terminology.hl7.org/CodeSystem/condition-ver-status";

	static final String CONDITION_CATEGORY = "http://terminology.hl7.org/CodeSystem/condition-category";

	static final String PAIN_DISPLAY = "Pain severity - 0-10 verbal numeric rating [Score] - Reported";

	/** Where Carrywell's own identifiers live (the Bundle's, the Patient's): a name, not an address to call. */
	static final String CARRYWELL_IDS = "urn:ietf:rfc:3986";

	/**
	 * Each pain area's body site: a SNOMED CT body structure where one fits, else the words alone (a pain that
	 * spreads down a leg has no one site; the middle and the upper back are regions, and the structures SNOMED CT
	 * offers for them are the vertebral column, which would say more than she did).
	 */
	static final Map<PainArea, @Nullable String[]> BODY_SITES = bodySites();

	private final ProgressReport progress;

	private final MessageSource messages;

	private final Clock clock;

	/** Keys her Patient id: made on the application's first start and never changed. */
	private final byte[] patientKey;

	private volatile @Nullable FhirContext fhir;

	private final Catalogue catalogue;

	FhirExport(ProgressReport progress, MessageSource messages, Clock clock, AppSecrets secrets, Catalogue catalogue) {
		this.catalogue = catalogue;
		this.progress = progress;
		this.messages = messages;
		this.clock = clock;
		this.patientKey = secrets.key("fhir-patient");
	}

	/**
	 * Her Patient's id: the same in every export of hers (so a clinic can add a later export to the same record),
	 * but an HMAC of her account's id under this site's key, so nobody who knows one can work out the other.
	 */
	UUID patientId(UUID member) {
		try {
			var mac = Mac.getInstance("HmacSHA256");
			mac.init(new SecretKeySpec(patientKey, "HmacSHA256"));
			ByteBuffer digest = ByteBuffer.wrap(mac.doFinal(member.toString().getBytes(StandardCharsets.UTF_8)));
			// A version-4-shaped UUID from the first 16 bytes.
			long high = (digest.getLong() & ~0xF000L) | 0x4000L;
			long low = (digest.getLong() & 0x3FFFFFFFFFFFFFFFL) | 0x8000000000000000L;
			return new UUID(high, low);
		}
		catch (GeneralSecurityException everyJavaHasIt) {
			throw new IllegalStateException(everyJavaHasIt);
		}
	}

	private static Map<PainArea, @Nullable String[]> bodySites() {
		var sites = new EnumMap<PainArea, @Nullable String[]>(PainArea.class);
		sites.put(PainArea.LOWER_BACK, new String[] { "37822005", "Lower back structure" });
		sites.put(PainArea.MID_BACK, null);
		sites.put(PainArea.UPPER_BACK, null);
		sites.put(PainArea.HIPS, new String[] { "29836001", "Hip region structure" });
		sites.put(PainArea.PELVIS_FRONT, new String[] { "12921003", "Pelvic structure" });
		sites.put(PainArea.PELVIS_BACK, new String[] { "39723000", "Sacroiliac joint structure" });
		sites.put(PainArea.LEG_RADIATING, null);
		return sites;
	}

	/** The Bundle as JSON, for her last {@code weeks} weeks (her notes only when {@code withNotes}). */
	public byte[] json(ProviderViews.View view, boolean withNotes, Locale locale) {
		return context().newJsonParser()
			.setPrettyPrint(true)
			.encodeResourceToString(bundle(view, withNotes, locale))
			.getBytes(StandardCharsets.UTF_8);
	}

	FhirContext context() {
		FhirContext made = fhir;
		if (made == null) {
			synchronized (this) {
				made = fhir;
				if (made == null) {
					made = FhirContext.forR4Cached();
					fhir = made;
				}
			}
		}
		return made;
	}

	Bundle bundle(ProviderViews.View view, boolean withNotes, Locale locale) {
		var bundle = new Bundle();
		bundle.setType(Bundle.BundleType.COLLECTION);
		bundle.setTimestamp(Date.from(clock.instant()));
		bundle.setIdentifier(new Identifier().setSystem(CARRYWELL_IDS).setValue("urn:uuid:" + UUID.randomUUID()));

		String patientUrl = "urn:uuid:" + patientId(view.memberId());
		var patient = new Patient();
		patient.addIdentifier().setSystem(CARRYWELL_IDS).setValue(patientUrl);
		patient.setActive(true);
		add(bundle, patientUrl, patient);
		var subject = new Reference(patientUrl);

		LocalDate due = view.dueDate();
		if (due != null) {
			var edd = observation(subject, "11778-8", "Delivery date Estimated", null);
			edd.setEffective(dayOf(view.today()));
			edd.setValue(new DateTimeType(due.toString()));
			addNew(bundle, edd);
		}
		if (view.week() != null) {
			var age = observation(subject, "49051-6", "Gestational age in weeks", null);
			age.setEffective(dayOf(view.today()));
			age.setValue(new Quantity().setValue(view.week().weeks()).setUnit("wk").setSystem(UCUM).setCode("wk"));
			addNew(bundle, age);
		}
		for (var condition : view.profile().conditions().stream().sorted().toList()) {
			var declared = new Condition();
			declared.setClinicalStatus(new CodeableConcept(new Coding(CONDITION_CLINICAL, "active", "Active")));
			declared.setVerificationStatus(new CodeableConcept(new Coding(CONDITION_VERIFICATION, "unconfirmed", "Unconfirmed")));
			declared.addCategory(new CodeableConcept(new Coding(CONDITION_CATEGORY, "problem-list-item", "Problem List Item")));
			declared.setCode(new CodeableConcept().setText(messages.getMessage("clinical.condition." + condition, null, locale)));
			declared.setSubject(subject);
			declared.addNote().setText(text("fhir.condition.declared", locale));
			addNew(bundle, declared);
		}
		view.check().ifPresent(check -> {
			// Judged for her week today when it is known (an outcome can change with the week); else as she took it.
			var today = view.screeningToday();
			var screening = new Observation();
			screening.setStatus(Observation.ObservationStatus.FINAL);
			screening.addCategory(category("survey", "Survey"));
			screening.setCode(new CodeableConcept().setText(text("fhir.check", locale)));
			screening.setSubject(subject);
			screening.setEffective(dayOf(today == null ? check.checkedOn() : view.today()));
			var outcome = today == null ? check.outcome() : today.outcome();
			screening.setValue(new StringType(outcome.name() + ": "
					+ messages.getMessage("clinical.outcome." + outcome, null, locale)));
			var answers = today == null ? check.answers() : today.answers();
			answers.entrySet().stream().sorted(Map.Entry.comparingByKey()).forEach(answer -> screening.addComponent()
				.setCode(new CodeableConcept().setText(messages.getMessage("clinical.question." + answer.getKey(), null, locale)))
				.setValue(new BooleanType(answer.getValue())));
			screening.addNote().setText(messages.getMessage("fhir.check.answered", new Object[] { check.checkedOn().toString() }, locale));
			if (view.clearance() != null) {
				screening.addNote().setText(messages.getMessage("fhir.check.cleared", new Object[] {
						view.clearance().clearedBy(), view.clearance().clearedOn().toString() }, locale));
			}
			addNew(bundle, screening);
		});

		LocalDate from = view.report().from();
		for (ProgressReport.DiaryDay day : progress.diary(view.memberId(), from, view.today())) {
			var areas = day.pain().entrySet().stream().sorted(Map.Entry.comparingByKey()).toList();
			for (int i = 0; i < areas.size(); i++) {
				var entry = areas.get(i);
				var pain = observation(subject, "72514-3", PAIN_DISPLAY, "survey");
				pain.setEffective(dayOf(day.day()));
				pain.setValue(new IntegerType(entry.getValue()));
				pain.setBodySite(bodySite(entry.getKey(), locale));
				// Her note is about the day: once, with the day's first area.
				if (i == 0 && withNotes && !day.note().isBlank()) {
					pain.addNote().setText(day.note());
				}
				addNew(bundle, pain);
			}
		}
		for (SessionRecord session : progress.sessions(view.memberId(), from, view.today())) {
			var done = observation(subject, "55411-3", "Exercise duration", "activity");
			done.setEffective(new Period().setStart(Date.from(session.startedAt())).setEnd(Date.from(session.endedAt())));
			done.setValue(minutes(Math.round(session.secondsDone() / 60.0f), "min"));
			done.addComponent()
				.setCode(new CodeableConcept(new Coding(LOINC, "73985-4", "Exercise activity"))
					.setText(text("fhir.session", locale)))
				.setValue(new StringType(String.join(", ", names(session.exercisesDone()))));
			if (session.painBefore() != null) {
				done.addComponent()
					.setCode(new CodeableConcept(new Coding(LOINC, "72514-3", PAIN_DISPLAY)).setText(text("fhir.session.painBefore", locale)))
					.setValue(new IntegerType(session.painBefore()));
			}
			if (session.painAfter() != null) {
				done.addComponent()
					.setCode(new CodeableConcept(new Coding(LOINC, "72514-3", PAIN_DISPLAY)).setText(text("fhir.session.painAfter", locale)))
					.setValue(new IntegerType(session.painAfter()));
			}
			if (withNotes && !session.note().isBlank()) {
				done.addNote().setText(session.note());
			}
			addNew(bundle, done);
		}
		// Every week of the period, a week without entries as 0; the first and the current week only as far as
		// the period reaches, so a part of a week never claims a whole one.
		var weekly = new TreeMap<LocalDate, Integer>();
		for (LocalDate monday = from.with(TemporalAdjusters.previousOrSame(DayOfWeek.MONDAY)); !monday.isAfter(view.today());
				monday = monday.plusWeeks(1)) {
			weekly.put(monday, 0);
		}
		progress.activity(view.memberId(), from, view.today())
			.forEach(entry -> weekly.merge(entry.day().with(TemporalAdjusters.previousOrSame(DayOfWeek.MONDAY)),
					entry.minutes(), Integer::sum));
		weekly.forEach((monday, total) -> {
			var activity = observation(subject, "82290-8", "Frequency of moderate to vigorous aerobic physical activity",
					"activity");
			LocalDate start = monday.isBefore(from) ? from : monday;
			LocalDate end = monday.plusDays(6).isAfter(view.today()) ? view.today() : monday.plusDays(6);
			activity.setEffective(new Period().setStartElement(dayOf(start)).setEndElement(dayOf(end)));
			activity.setValue(minutes(total, "min/wk"));
			activity.addNote().setText(text("fhir.activity.all", locale));
			addNew(bundle, activity);
		});
		for (ProviderViews.WarningSignEntry entry : view.warningSigns()) {
			var signs = new Observation();
			signs.setStatus(Observation.ObservationStatus.FINAL);
			signs.addCategory(category("survey", "Survey"));
			signs.setCode(new CodeableConcept().setText(text("fhir.signs", locale)));
			signs.setSubject(subject);
			signs.setEffective(dayOf(entry.day()));
			signs.setValue(new StringType(entry.urgency().name() + ": "
					+ messages.getMessage("clinical.urgency." + entry.urgency(), null, locale)));
			entry.symptoms().forEach(symptom -> signs.addComponent()
				.setCode(new CodeableConcept().setText(messages.getMessage("clinical.symptom." + symptom, null, locale)))
				.setValue(new BooleanType(true)));
			addNew(bundle, signs);
		}
		return bundle;
	}

	private List<String> names(List<String> ids) {
		return ids.stream().map(id -> catalogue.find(id).map(Exercise::name).orElse(id)).toList();
	}

	private String text(String key, Locale locale) {
		return messages.getMessage(key, null, locale);
	}

	private static Observation observation(Reference subject, String loinc, String display, @Nullable String category) {
		var observation = new Observation();
		observation.setStatus(Observation.ObservationStatus.FINAL);
		if (category != null) {
			observation.addCategory(category(category, category.equals("survey") ? "Survey" : "Activity"));
		}
		observation.setCode(new CodeableConcept(new Coding(LOINC, loinc, display)));
		observation.setSubject(subject);
		return observation;
	}

	private static CodeableConcept category(String code, String display) {
		return new CodeableConcept(new Coding(CATEGORIES, code, display));
	}

	private CodeableConcept bodySite(PainArea area, Locale locale) {
		String[] site = BODY_SITES.get(area);
		var concept = new CodeableConcept().setText(messages.getMessage("area." + area, null, locale));
		if (site != null) {
			concept.addCoding(new Coding(SNOMED, site[0], site[1]));
		}
		return concept;
	}

	private static Quantity minutes(long value, String unit) {
		return new Quantity().setValue(value).setUnit(unit).setSystem(UCUM).setCode(unit);
	}

	/** A whole day, as a date (no time, no zone): what she recorded. */
	private static DateTimeType dayOf(LocalDate day) {
		var value = new DateTimeType(day.toString());
		value.setPrecision(TemporalPrecisionEnum.DAY);
		return value;
	}

	private static void add(Bundle bundle, String fullUrl, Resource resource) {
		bundle.addEntry().setFullUrl(fullUrl).setResource(resource);
	}

	private static void addNew(Bundle bundle, Resource resource) {
		add(bundle, "urn:uuid:" + UUID.randomUUID(), resource);
	}

}

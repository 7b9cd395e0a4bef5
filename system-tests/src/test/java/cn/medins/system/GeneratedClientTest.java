package cn.medins.system;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import cn.medins.client.account.api.AccountsApi;
import cn.medins.client.account.api.PersonsApi;
import cn.medins.client.account.model.Contribution;
import cn.medins.client.account.model.Enrollment;
import cn.medins.client.account.model.InsuranceType;
import cn.medins.client.account.model.Payment;
import cn.medins.client.account.model.PaymentPurpose;
import cn.medins.client.account.model.PaymentRequest;
import cn.medins.client.account.model.PersonType;
import cn.medins.client.reimbursement.api.ReferenceDataApi;
import cn.medins.client.reimbursement.api.SettlementsApi;
import cn.medins.client.reimbursement.model.BillLine;
import cn.medins.client.reimbursement.model.CatalogBody;
import cn.medins.client.reimbursement.model.Category;
import cn.medins.client.reimbursement.model.InstitutionBody;
import cn.medins.client.reimbursement.model.InstitutionKind;
import cn.medins.client.reimbursement.model.MedicalType;
import cn.medins.client.reimbursement.model.PolicyDocument;
import cn.medins.client.reimbursement.model.Settle422Response;
import cn.medins.client.reimbursement.model.SettlementRequest;
import cn.medins.client.reimbursement.model.SettlementResponse;
import cn.medins.client.reimbursement.model.Yearly;
import cn.medins.client.remotecare.api.FilingsApi;
import cn.medins.client.remotecare.model.FilingReason;
import cn.medins.client.remotecare.model.FilingRequest;
import cn.medins.client.remotecare.model.FilingRequestProof;
import cn.medins.client.remotecare.model.FilingType;
import cn.medins.client.remotecare.model.FilingView;
import cn.medins.client.remotecare.model.ProofKind;
import cn.medins.testsupport.TestData;
import cn.medins.testsupport.TestKeys;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;
import java.util.function.Consumer;
import java.net.http.HttpRequest;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The seed story through clients no one here wrote: openapi-generator (library {@code native}) made
 * them at build time from the documents the services' own builds stored (system-tests pom). If a
 * document said a month was an object, a field never null or a band's open end a number, these
 * calls would fail to send or to read; nothing here uses RestAssured or hand-written JSON.
 */
class GeneratedClientTest {

    private static final LocalDate TODAY = TestData.TODAY;
    private static final Consumer<HttpRequest.Builder> AS_AGENCY =
            request -> request.header("Authorization", "Bearer " + TestKeys.agency());

    private static PersonsApi persons;
    private static AccountsApi accounts;
    private static SettlementsApi settlements;
    private static ReferenceDataApi reference;
    private static FilingsApi filings;

    @BeforeAll
    static void clients() throws Exception {
        Suite.start();
        var account = new cn.medins.client.account.ApiClient().setRequestInterceptor(AS_AGENCY);
        account.updateBaseUri(Suite.accounts.url());
        var reimbursement = new cn.medins.client.reimbursement.ApiClient().setRequestInterceptor(AS_AGENCY);
        reimbursement.updateBaseUri(Suite.reimbursement.url());
        var care = new cn.medins.client.remotecare.ApiClient().setRequestInterceptor(AS_AGENCY);
        care.updateBaseUri(Suite.remoteCare.url());
        persons = new PersonsApi(account);
        accounts = new AccountsApi(account);
        settlements = new SettlementsApi(reimbursement);
        reference = new ReferenceDataApi(reimbursement);
        filings = new FilingsApi(care);

        reference.putInstitution("GEN-H3", new InstitutionBody().name("医院 GEN-H3").region("150402").level(3)
                .kind(InstitutionKind.HOSPITAL).designated(true).remoteNetworked(true));
        reference.putInstitution("GEN-HK", new InstitutionBody().name("医院 GEN-HK").region("460105").level(3)
                .kind(InstitutionKind.HOSPITAL).designated(true).remoteNetworked(true));
        reference.putCatalogItem("GEN-A", new CatalogBody().name("头孢曲松").category(Category.A));
        // the reference policy read and written back as the generated model: its open-ended bands
        // ("upTo": null) and optional parts must survive the round trip
        PolicyDocument policy = reference.policy("310", "410300", 2026);
        reference.putPolicy("310", "410300", TODAY.getYear(), policy);
    }

    @Test
    void theSeedStoryThroughGeneratedClientsOnly() throws Exception {
        long person = enroll(PersonType.IN_SERVICE, "150400");
        contribute(person, "2026-01", "500.00");
        for (int month = 2; month <= 6; month++) {
            contribute(person, String.format("2026-%02d", month), "0");
        }
        assertTrue(persons.eligibility(person, "2026-06-15").getEligible());

        Payment pharmacy = accounts.pay(person, TestData.key(), new PaymentRequest()
                .amount(new BigDecimal("100.00")).purpose(PaymentPurpose.PHARMACY).reference("gen-ph-" + person));
        assertEquals(new BigDecimal("100.00"), pharmacy.getPaidAmount());
        assertEquals(new BigDecimal("400.00"), accounts.account(person).getBalance());

        // 1,000 at level 3: 600 deductible, 400 x 50% = 200 from the fund; the burden of 800 takes the
        // account's 400, and 400 is cash
        SettlementResponse settled = settlements.settle(TestData.key(), bill(person, "GEN-H3", "2026-06-15"));
        assertEquals(new BigDecimal("200.00"), settled.getPoolFundPaid());
        assertEquals(new BigDecimal("400.00"), settled.getAccountPaid());
        assertEquals(new BigDecimal("400.00"), settled.getCashPaid());
        assertEquals(new BigDecimal("0.00"), accounts.account(person).getBalance());

        SettlementResponse read = settlements.settlement(settled.getSettlementId());
        assertEquals(SettlementResponse.StatusEnum.COMPLETED, read.getStatus());
        assertTrue(read.getTrace().stream().anyMatch(line -> line.contains("paid 400.00")), read.getTrace()::toString);

        SettlementResponse cancelled = settlements.cancel(settled.getSettlementId(), TestData.key());
        assertEquals(SettlementResponse.StatusEnum.CANCELLED, cancelled.getStatus());
        assertEquals(new BigDecimal("400.00"), accounts.account(person).getBalance());
        Yearly year = settlements.accumulators(person, 2026);
        assertEquals(0, year.getOutpatientDeductibleUsed().signum());
        assertEquals(0, year.getOutpatientFundPaid().signum());
    }

    @Test
    void aRemoteFilingAndAProblemReadAsTheirModels() throws Exception {
        long person = enroll(PersonType.RETIRED, "410300");
        var refused = assertThrows(cn.medins.client.reimbursement.ApiException.class,
                () -> settlements.settle(TestData.key(), bill(person, "GEN-HK", TODAY.toString())));
        assertEquals(422, refused.getCode());
        Settle422Response problem = cn.medins.client.reimbursement.ApiClient.createDefaultObjectMapper()
                .readValue(refused.getResponseBody(), Settle422Response.class);
        assertEquals(Settle422Response.CodeEnum.REMOTE_FILING_REQUIRED, problem.getCode());

        FilingView filing = filings.submitFiling(new FilingRequest().personId(person).destinationRegion("460000")
                .type(FilingType.LONG_TERM).reason(FilingReason.RETIREE_RESETTLEMENT).startDate(TODAY)
                .proof(new FilingRequestProof().kind(ProofKind.RESIDENCE_PERMIT).number("琼-GEN"))
                .personalAccountEnabled(true), TestData.key());
        assertEquals(filing.getFilingId(), filings.filing(filing.getFilingId()).getFilingId());

        SettlementResponse settled = settlements.settle(TestData.key(), bill(person, "GEN-HK", TODAY.toString()));
        assertEquals(filing.getFilingId(), settled.getFilingId());
        assertEquals("410300", settled.getInsuredRegion());
        assertEquals(new BigDecimal("220.00"), settled.getPoolFundPaid());
    }

    private static long enroll(PersonType type, String region) throws Exception {
        return persons.enroll(new Enrollment().idNumber(TestData.idNumber()).name("参保人")
                .insuranceType(InsuranceType._310).personType(type).insuredRegion(region)
                .enrolledOn(LocalDate.parse("2020-01-01")), TestData.key()).getPersonId();
    }

    private static void contribute(long person, String month, String individual) throws Exception {
        persons.contribute(person, TestData.key(), new Contribution().period(month)
                .individualAmount(new BigDecimal(individual)).employerAmount(new BigDecimal("300")));
    }

    private static SettlementRequest bill(long person, String institution, String date) {
        return new SettlementRequest().personId(person).institutionCode(institution)
                .visitId("gen-" + institution + "-" + person).medicalType(MedicalType._11)
                .serviceDate(LocalDate.parse(date)).useAccount(true)
                .lines(List.of(new BillLine().itemCode("GEN-A").quantity(BigDecimal.ONE).unitPrice(new BigDecimal("1000"))));
    }
}

package br.com.whatsappoficial.messaging;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class CallbackStatusesTest {

    @ParameterizedTest(name = "{0} reported {1} (first: {2}) -> [{3}]")
    @CsvSource(
            delimiter = '|',
            value = {
                "QUEUED    | sent      | true  | sent",
                "SENT      | delivered | true  | delivered",
                "DELIVERED | read      | true  | read",
                // skipped statuses are implied by the later one and sent before it, in order
                "QUEUED    | read      | true  | sent,delivered,read",
                "SENT      | read      | true  | delivered,read",
                "QUEUED    | delivered | true  | sent,delivered",
                // late or repeated: never an older status after a newer
                "READ      | delivered | true  | ''",
                "READ      | sent      | true  | ''",
                "DELIVERED | delivered | false | ''",
                "QUEUED    | failed    | true  | failed",
                "SENT      | failed    | true  | failed",
                "DELIVERED | failed    | true  | ''",
                "FAILED    | read      | true  | ''",
                // statuses we do not know are passed on once
                "READ      | played    | true  | played",
                "READ      | played    | false | ''",
                "SENT      | deleted_by_customer | true | deleted_by_customer"
            })
    void followTheMessagesStatusForwardOnly(DeliveryStatus before, String reported, boolean first, String expected) {
        List<String> sent = CallbackStatuses.toSend(before, before.after(reported), reported, first);

        assertThat(sent).isEqualTo(expected.isEmpty() ? List.of() : List.of(expected.split(",")));
    }
}

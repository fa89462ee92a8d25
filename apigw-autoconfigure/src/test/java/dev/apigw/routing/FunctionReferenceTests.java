package dev.apigw.routing;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class FunctionReferenceTests {

	@Test
	void readsEveryWayAwsNamesAFunction() {
		assertThat(FunctionReference.parse("arn:aws:apigateway:us-east-1:lambda:path/2015-03-31/functions/"
				+ "arn:aws:lambda:us-east-1:123456789012:function:orders/invocations"))
			.isEqualTo(new FunctionReference("orders", null));
		assertThat(FunctionReference.parse("arn:aws:apigateway:eu-west-1:lambda:path/2015-03-31/functions/"
				+ "arn:aws:lambda:eu-west-1:123456789012:function:orders:live/invocations"))
			.isEqualTo(new FunctionReference("orders", "live"));
		assertThat(FunctionReference.parse("arn:aws:apigateway:us-east-1:lambda:path/2015-03-31/functions/orders/invocations"))
			.isEqualTo(new FunctionReference("orders", null));
		assertThat(FunctionReference.parse("arn:aws-cn:lambda:cn-north-1:123456789012:function:orders:7"))
			.isEqualTo(new FunctionReference("orders", "7"));
		assertThat(FunctionReference.parse("123456789012:function:orders")).isEqualTo(new FunctionReference("orders", null));
		assertThat(FunctionReference.parse("orders:$LATEST")).isEqualTo(new FunctionReference("orders", "$LATEST"));
		assertThat(FunctionReference.parse(" com.example.Handler ")).isEqualTo(new FunctionReference("com.example.Handler", null));
	}

	@Test
	void refusesWhatNamesNoFunction() {
		assertThat(FunctionReference.parse("arn:aws:apigateway:us-east-1:sqs:path/123456789012/queue")).isNull();
		assertThat(FunctionReference.parse("http://example.com/x")).isNull();
		assertThat(FunctionReference.parse("")).isNull();
		assertThat(FunctionReference.parse("a:b:c")).isNull();
	}

	@Test
	void arnCarriesTheQualifier() {
		assertThat(new FunctionReference("orders", "live").arn("us-east-1", "123456789012"))
			.isEqualTo("arn:aws:lambda:us-east-1:123456789012:function:orders:live");
	}

}

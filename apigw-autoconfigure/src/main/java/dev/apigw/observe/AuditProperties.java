package dev.apigw.observe;

import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * The audit log of management actions ({@code apigw.audit}).
 */
@ConfigurationProperties("apigw.audit")
public class AuditProperties {

	/**
	 * How many recent management actions the actuator endpoint's audit section shows (all are logged to "apigw.audit").
	 */
	private int capacity = 1000;

	public int getCapacity() {
		return this.capacity;
	}

	public void setCapacity(int capacity) {
		this.capacity = capacity;
	}

}

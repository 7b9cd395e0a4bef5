/**
 * The three services over REST, as the gateway calls them: reimbursement-service with the institution's
 * own token (it keeps an institution to its own visits), account-service with the gateway's service
 * token for the person's reads; their refusals translated into the national answer by
 * {@link cn.medins.nhsa.client.Suite}.
 */
package cn.medins.nhsa.client;

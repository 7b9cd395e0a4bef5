/** The published OpenAPI documents (接口文档) as the services' answers really are ({@link cn.medins.common.openapi.TruthfulDocument}). */
package cn.medins.common.openapi;

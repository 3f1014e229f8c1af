// AfterSales on Azure: one resource group with a Flex Consumption (FC1) function app on .NET 10 isolated, its storage
// (tables + deployment container, no shared keys), Service Bus (ticket-events, notifications), Key Vault (RBAC) for
// the provider secrets, Application Insights + Log Analytics, and one user-assigned managed identity holding every
// data-plane role. Deployed by `azd up` (azure.yaml at the repository root).
targetScope = 'subscription'

@minLength(1)
@maxLength(64)
@description('azd environment name: names the resource group and seeds the resource token.')
param environmentName string

@minLength(1)
@description('Azure region for every resource. FC1 must be available there.')
param location string

@description('Object id of the user running azd: gets Key Vault Secrets Officer so they can set the secrets. Empty: nobody.')
param principalId string = ''

@allowed(['User', 'ServicePrincipal'])
@description('What principalId is: azd sets AZURE_PRINCIPAL_TYPE (ServicePrincipal when it runs in a pipeline).')
param principalType string = 'User'

@description('Settings beyond the code\'s defaults, in Section__Key form (letters, digits, _ and . only: Linux app settings), e.g. {"Sla__Policies__P3__FirstResponse": "PT20M"}. The code has every default: set only what you change.')
param aftersalesSettings object = {}

@description('Public https base URL in front of the app (a custom domain or a proxy), without a trailing slash. Empty: https://<the app\'s default host name>. The SMS webhook URL and the survey link base are derived from it.')
param publicBaseUrl string = ''

@description('Sender address of every email (a SendGrid verified sender).')
param emailFrom string

@description('Link to a ticket in the helpdesk, with {ticketId}, e.g. https://helpdesk.example.com/tickets/{ticketId}.')
param ticketUrl string

@description('Default team: the ticket owner\'s fallback address (warnings).')
param ownerEmail string

@description('Default team: the supervisor (first-response, update and commitment breaches).')
param supervisorEmail string

@description('Default team: the department head (resolution breaches).')
param departmentHeadEmail string

@description('Default team: the manager (7 days unresolved, low ratings).')
param managerEmail string

@description('Default team: the senior manager (15 days unresolved).')
param seniorManagerEmail string

@description('The duty manager (P1 opened, failure summaries).')
param dutyManagerEmail string

@description('The revisit team (the daily revisit call list).')
param revisitTeamEmail string

@description('Twilio account SID (AC...).')
param smsAccountSid string

@description('Twilio sender: an E.164 number or a messaging service SID.')
param smsFrom string

@description('NCRONTAB (UTC, with seconds) of the SLA sweep. The default, every 15 s, keeps escalations within 30 s of their deadline.')
param slaSweepSchedule string = '*/15 * * * * *'

@description('NCRONTAB (UTC, with seconds) of the outbox recovery: lost queue messages, cut-short attempts, the failure summary.')
param outboxRecoverySchedule string = '0 */5 * * * *'

@description('NCRONTAB (UTC, with seconds) of the revisit run; it acts from Revisits__SendAt in the customers\' time zone.')
param revisitsSchedule string = '0 */5 * * * *'

@description('NCRONTAB (UTC, with seconds) of the weekly digest run; it sends once a week, at Reports__DigestDay / Reports__DigestAt (Friday 16:00) in the Reports__Calendar zone.')
param weeklyDigestSchedule string = '0 */5 * * * *'

@description('NCRONTAB (UTC, with seconds) of the monthly report run; it sends once a month, at Reports__MonthlyDay / Reports__MonthlyAt (the 1st, 09:00) in the Reports__Calendar zone.')
param monthlyReportSchedule string = '0 */5 * * * *'

@description('Starts every AfterSales table name (letters and digits).')
param tablePrefix string = 'AfterSales'

@minValue(40)
@maxValue(1000)
@description('Most instances FC1 may scale out to.')
param maximumInstanceCount int = 100

@allowed([512, 2048, 4096])
@description('Memory of each FC1 instance, in MB. 512 is plenty for this app (measured working set well under it) and the cheapest.')
param instanceMemoryMB int = 512

@description('Refuse the public internet on storage and Key Vault (default action Deny, trusted Azure services bypass): the app reaches them through a virtual network it integrates with. False (default): public endpoints, Entra ID only (no shared keys, no access policies). See README, "Deploy".')
param restrictNetworkAccess bool = false

@description('With restrictNetworkAccess: public IPv4 addresses or CIDR ranges that may still reach storage and Key Vault, e.g. where `azd provision` and `azd deploy` run from.')
param allowedIpRanges array = []

@description('Let helpdesks send to ticket-events with a SAS key (a send-only rule is created). False: Entra ID only.')
param serviceBusSasForHelpdesk bool = false

@secure()
@minLength(20)
@description('SendGrid API key (SG....), stored in Key Vault.')
param sendGridApiKey string

@secure()
@minLength(16)
@description('Twilio auth token, stored in Key Vault.')
param smsAuthToken string

@secure()
@minLength(32)
@description('Key that signs survey links (32+ random characters, e.g. `openssl rand -base64 48`), stored in Key Vault.')
param surveySigningKey string

@secure()
@minLength(32)
@description('Key of the hashes that stand for customers\' phone numbers in table keys (32+ random characters, e.g. `openssl rand -base64 48`), stored in Key Vault. Set once: another value orphans every opt-out.')
param keyHashSecret string

@description('Key Vault name. Empty (the first provision): a new unique name. azd keeps it (AZURE_KEY_VAULT_NAME) for later provisions; after `azd down` set it empty again, since a soft-deleted vault keeps its name.')
param keyVaultName string = ''

@description('Seeds a new Key Vault name; leave the default.')
param keyVaultNameSeed string = utcNow()

var resourceToken = toLower(uniqueString(subscription().id, environmentName, location))
var tags = { 'azd-env-name': environmentName }

resource group 'Microsoft.Resources/resourceGroups@2024-03-01' = {
  name: 'rg-${environmentName}'
  location: location
  tags: tags
}

module identity 'modules/identity.bicep' = {
  scope: group
  params: {
    name: 'id-aftersales-${resourceToken}'
    location: location
    tags: tags
  }
}

module monitoring 'modules/monitoring.bicep' = {
  scope: group
  params: {
    logAnalyticsName: 'log-aftersales-${resourceToken}'
    appInsightsName: 'appi-aftersales-${resourceToken}'
    location: location
    tags: tags
  }
}

module network 'modules/network.bicep' = if (restrictNetworkAccess) {
  scope: group
  params: {
    name: 'vnet-aftersales-${resourceToken}'
    location: location
    tags: tags
  }
}

var appSubnetId = restrictNetworkAccess ? network!.outputs.appSubnetId : ''

module storage 'modules/storage.bicep' = {
  scope: group
  params: {
    name: 'stas${resourceToken}'
    location: location
    tags: tags
    deploymentContainerName: 'app-package'
    restrictNetworkAccess: restrictNetworkAccess
    appSubnetId: appSubnetId
    allowedIpRanges: allowedIpRanges
  }
}

module serviceBus 'modules/servicebus.bicep' = {
  scope: group
  params: {
    name: 'sb-aftersales-${resourceToken}'
    location: location
    tags: tags
    sasForHelpdesk: serviceBusSasForHelpdesk
  }
}

module keyVault 'modules/keyvault.bicep' = {
  scope: group
  params: {
    name: empty(keyVaultName) ? 'kv-as-${take(uniqueString(resourceToken, keyVaultNameSeed), 13)}' : keyVaultName
    location: location
    tags: tags
    restrictNetworkAccess: restrictNetworkAccess
    appSubnetId: appSubnetId
    allowedIpRanges: allowedIpRanges
    secrets: {
      SendGridApiKey: sendGridApiKey
      SmsAuthToken: smsAuthToken
      SurveySigningKey: surveySigningKey
      KeyHashSecret: keyHashSecret
    }
  }
}

module roles 'modules/roles.bicep' = {
  scope: group
  params: {
    principalId: identity.outputs.principalId
    storageAccountName: storage.outputs.name
    serviceBusName: serviceBus.outputs.name
    ticketEventsQueue: serviceBus.outputs.ticketEventsQueue
    notificationsQueue: serviceBus.outputs.notificationsQueue
    keyVaultName: keyVault.outputs.name
    appInsightsName: monitoring.outputs.appInsightsName
    userPrincipalId: principalId
    userPrincipalType: principalType
  }
}

module functionApp 'modules/functionapp.bicep' = {
  scope: group
  dependsOn: [roles]
  params: {
    planName: 'plan-aftersales-${resourceToken}'
    // Short on purpose: survey links carry the host name, and a zh-CN text with its link must fit two SMS segments.
    appName: 'func-${resourceToken}'
    location: location
    tags: tags
    identityId: identity.outputs.id
    identityClientId: identity.outputs.clientId
    maximumInstanceCount: maximumInstanceCount
    instanceMemoryMB: instanceMemoryMB
    deploymentContainerUrl: '${storage.outputs.blobEndpoint}app-package'
    storageAccountName: storage.outputs.name
    tableEndpoint: storage.outputs.tableEndpoint
    tablePrefix: tablePrefix
    serviceBusNamespaceHost: serviceBus.outputs.namespaceHost
    ticketEventsQueue: serviceBus.outputs.ticketEventsQueue
    notificationsQueue: serviceBus.outputs.notificationsQueue
    appInsightsConnectionString: monitoring.outputs.appInsightsConnectionString
    slaSweepSchedule: slaSweepSchedule
    outboxRecoverySchedule: outboxRecoverySchedule
    revisitsSchedule: revisitsSchedule
    weeklyDigestSchedule: weeklyDigestSchedule
    monthlyReportSchedule: monthlyReportSchedule
    keyVaultReferences: {
      Email__SendGrid__ApiKey: '@Microsoft.KeyVault(SecretUri=${keyVault.outputs.uri}secrets/SendGridApiKey)'
      Sms__AuthToken: '@Microsoft.KeyVault(SecretUri=${keyVault.outputs.uri}secrets/SmsAuthToken)'
      Texts__SurveySigningKey: '@Microsoft.KeyVault(SecretUri=${keyVault.outputs.uri}secrets/SurveySigningKey)'
      Storage__KeyHashSecret: '@Microsoft.KeyVault(SecretUri=${keyVault.outputs.uri}secrets/KeyHashSecret)'
    }
    publicBaseUrl: publicBaseUrl
    appSubnetId: appSubnetId
    requiredSettings: {
      Email__From: emailFrom
      Email__TicketUrl: ticketUrl
      Escalation__Teams__Default__Owner: ownerEmail
      Escalation__Teams__Default__Supervisor: supervisorEmail
      Escalation__Teams__Default__DepartmentHead: departmentHeadEmail
      Escalation__Teams__Default__Manager: managerEmail
      Escalation__Teams__Default__SeniorManager: seniorManagerEmail
      Escalation__Teams__Default__DutyManager: dutyManagerEmail
      Escalation__Teams__Default__RevisitTeam: revisitTeamEmail
      Sms__AccountSid: smsAccountSid
      Sms__From: smsFrom
    }
    aftersalesSettings: aftersalesSettings
  }
}

output AZURE_LOCATION string = location
output AZURE_TENANT_ID string = tenant().tenantId
output AZURE_RESOURCE_GROUP string = group.name
output AZURE_FUNCTION_APP_NAME string = functionApp.outputs.name
output AZURE_FUNCTION_APP_URL string = functionApp.outputs.url
output AZURE_KEY_VAULT_NAME string = keyVault.outputs.name
output AZURE_SERVICE_BUS_NAMESPACE string = serviceBus.outputs.namespaceHost
output AZURE_STORAGE_ACCOUNT_NAME string = storage.outputs.name
// The helpdesk's own key is a function key of TicketEventsHttp only. It cannot be a resource here: a function-level
// key needs the function, which exists only after `azd deploy`, and a host key (host/functionKeys) would also open
// every other Function-level endpoint. So the outputs name it and give the command that creates or reads it.
output AFTERSALES_HELPDESK_KEY_NAME string = 'helpdesk'
output AFTERSALES_HELPDESK_KEY_COMMAND string = 'az functionapp function keys set -g ${group.name} -n ${functionApp.outputs.name} --function-name TicketEventsHttp --key-name helpdesk --query value -o tsv'

